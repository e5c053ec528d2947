package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.DatasetCounts;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loupe datasets}: the live datasets of the workspace. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "List the datasets.")
public final class DatasetsCommand implements Callable<Integer> {
  private final CliContext context;

  public DatasetsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      List<Dataset> datasets = workspace.datasets().list();
      if (context.json()) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (Dataset d : datasets) {
          nodes.add(ApiJson.dataset(d, workspace.images().counts(d.id())));
        }
        context.printJson(ApiJson.datasets(nodes));
        return 0;
      }
      if (datasets.isEmpty()) {
        context.out().println("no datasets in " + workspace.root() + " (try 'loupe import' or 'loupe demo')");
        return 0;
      }
      TextTable table = new TextTable("SLUG", "TASK", "IMAGES", "CLASSES", "CREATED").alignRight(2, 3);
      for (Dataset d : datasets) {
        DatasetCounts counts = workspace.images().counts(d.id());
        table.row(d.slug(), d.task().apiName(), counts.images(), d.classCount(), Dates.format(d.createdAt()));
      }
      table.print(context.out());
      return 0;
    }
  }
}
