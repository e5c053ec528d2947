package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.DatasetVersion;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe version create DATASET}: an immutable numbered snapshot. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Snapshot a dataset as a new version.")
public final class VersionCreateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--description", paramLabel = "D", description = "What this version is.")
  String description;

  public VersionCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    try (ConsoleProgress progress = context.progress();
        Workspace workspace = context.openWorkspace()) {
      DatasetVersion v = workspace.versions().create(dataset, description, progress);
      progress.endLine();
      if (context.json()) {
        context.printJson(ApiJson.version(v));
      } else {
        context.out().println("created version " + v.version() + ": " + v.imageCount() + " images, "
            + v.labelCount() + " labels");
        context.out().flush();
      }
      return 0;
    }
  }
}
