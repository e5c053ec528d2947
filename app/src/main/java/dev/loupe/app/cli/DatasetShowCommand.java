package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.DatasetCounts;
import dev.loupe.core.workspace.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe dataset show DATASET}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a dataset.")
public final class DatasetShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  public DatasetShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      Dataset d = workspace.datasets().require(dataset);
      DatasetCounts counts = workspace.images().counts(d.id());
      if (context.json()) {
        context.printJson(ApiJson.dataset(d, counts));
      } else {
        print(context.out(), d, counts);
      }
      return 0;
    }
  }

  static void print(PrintWriter out, Dataset d, DatasetCounts counts) {
    out.println("name:        " + d.name());
    out.println("slug:        " + d.slug());
    out.println("id:          " + d.id());
    out.println("task:        " + d.task().apiName());
    if (!d.description().isEmpty()) {
      out.println("description: " + d.description());
    }
    out.println("visibility:  " + d.visibility().apiName());
    out.println(
        "images:      " + counts.images() + " (train " + counts.train() + ", val " + counts.val()
            + ", test " + counts.test() + ")");
    out.println("labels:      " + counts.labels());
    out.println("classes:     " + d.classCount() + (d.classCount() == 0 ? "" : " " + d.classNames()));
    if (d.kptShape() != null) {
      out.println("kpt_shape:   " + d.kptShape().asList());
    }
    out.println("created:     " + Dates.format(d.createdAt()));
    out.println("updated:     " + Dates.format(d.updatedAt()));
    out.flush();
  }
}
