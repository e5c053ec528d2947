package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.DatasetVersion;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe version list DATASET}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a dataset's versions.")
public final class VersionListCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  public VersionListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      List<DatasetVersion> versions = workspace.versions().list(dataset);
      if (context.json()) {
        context.printJson(ApiJson.versions(versions));
        return 0;
      }
      TextTable table =
          new TextTable("VERSION", "CREATED", "IMAGES", "LABELS", "DESCRIPTION").alignRight(0, 2, 3);
      for (DatasetVersion v : versions) {
        table.row(v.version(), Dates.format(v.createdAt()), v.imageCount(), v.labelCount(), v.description());
      }
      table.print(context.out());
      return 0;
    }
  }
}
