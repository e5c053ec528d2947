package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loupe train list}: the training runs, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the training runs, newest first.")
public final class TrainListCommand implements Callable<Integer> {
  private final CliContext context;

  public TrainListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      List<TrainingRun> runs = ws.trainingRuns().list();
      if (context.json()) {
        var node = ApiJson.MAPPER.createObjectNode();
        var array = node.putArray("runs");
        runs.forEach(r -> array.add(TrainJson.run(r)));
        node.put("total", runs.size());
        context.printJson(node);
        return 0;
      }
      if (runs.isEmpty()) {
        context.out().println("no training runs (start one with 'loupe train DATASET --local')");
        context.out().flush();
        return 0;
      }
      TextTable table = new TextTable("RUN", "NAME", "STATUS", "TASK", "EPOCHS", "METRICS", "MODEL", "STARTED")
          .alignRight(4);
      for (TrainingRun r : runs) {
        table.row(r.id(), r.name(), r.status(), r.task().apiName(), r.epochsDone() + "/" + r.epochs(),
            TrainOutput.metrics(r), r.modelId() == null ? "" : r.modelId(), Dates.format(r.createdAt()));
      }
      table.print(context.out());
      return 0;
    }
  }
}
