package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe stats DATASET}: labels and images per class. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Class statistics of a dataset.")
public final class StatsCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  public StatsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      ClassStats stats = workspace.classStats().get(dataset);
      if (context.json()) {
        context.printJson(ApiJson.classStats(stats));
        return 0;
      }
      TextTable table = new TextTable("ID", "CLASS", "LABELS", "IMAGES").alignRight(0, 2, 3);
      for (ClassStats.ClassCount c : stats.classes()) {
        String name = c.classId() < stats.classNames().size() ? stats.classNames().get(c.classId()) : "";
        table.row(c.classId(), name, c.count(), c.imageCount());
      }
      table.print(context.out());
      context.out().println(stats.sampleSize() + " images");
      context.out().flush();
      return 0;
    }
  }
}
