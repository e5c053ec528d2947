package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe annotate runs DATASET}: the recorded auto-annotation runs, newest first. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List a dataset's auto-annotation runs.")
public final class AnnotateRunsCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  public AnnotateRunsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      List<AnnotationRun> runs = ws.annotationRuns().list(dataset);
      if (context.json()) {
        var node = ApiJson.MAPPER.createObjectNode();
        runs.forEach(r -> node.withArray("runs").add(ModelJson.annotationRun(r)));
        node.put("total", runs.size());
        context.printJson(node);
        return 0;
      }
      if (runs.isEmpty()) {
        context.out().println("no auto-annotation runs on " + dataset);
        context.out().flush();
        return 0;
      }
      TextTable table = new TextTable("RUN", "STATE", "MODEL", "SELECTION", "IMAGES", "LABELED", "ADDED", "STARTED")
          .alignRight(4, 5, 6);
      for (AnnotationRun r : runs) {
        table.row(r.id(), r.state(), r.modelName(), r.selection(), r.imagesDone() + "/" + r.imagesTotal(),
            r.imagesLabeled(), r.labelsAdded(), Dates.format(r.createdAt()));
      }
      table.print(context.out());
      return 0;
    }
  }
}
