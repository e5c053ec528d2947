package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.DatasetVersion;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe version describe DATASET N --description D}. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Change a version's description.")
public final class VersionDescribeCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "N", description = "Version number.")
  int number;

  @Option(names = "--description", required = true, paramLabel = "D", description = "New description.")
  String description;

  public VersionDescribeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      DatasetVersion v = workspace.versions().describe(dataset, number, description);
      if (context.json()) {
        context.printJson(ApiJson.version(v));
      } else {
        context.out().println("version " + v.version() + ": " + v.description());
        context.out().flush();
      }
      return 0;
    }
  }
}
