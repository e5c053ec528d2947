package dev.loupe.app.cli;

import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.core.workspace.WorkspaceLockedException;
import dev.loupe.training.HeadlineMetrics;
import dev.loupe.training.RunFolderView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe train status RUN}: a run, its epochs and the last of its console. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a training run: status, epochs, console.")
public final class TrainStatusCommand implements Callable<Integer> {
  private static final int CONSOLE_LINES = 20;

  private final CliContext context;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's id (see 'loupe train list').")
  String runId;

  public TrainStatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws java.io.IOException {
    try (Workspace ws = context.openWorkspace()) {
      TrainingRun run = ws.trainingRuns().require(runId);
      List<TrainingEpoch> epochs = ws.trainingRuns().epochs(runId);
      if (context.json()) {
        context.printJson(TrainJson.wrapped(TrainJson.detailed(run, epochs)));
        return 0;
      }
      TrainOutput.print(context.out(), run);
      if (run.consoleTail() != null && !run.consoleTail().isBlank()) {
        List<String> lines = run.consoleTail().lines().toList();
        context.out().println("console (last lines):");
        lines.subList(Math.max(0, lines.size() - CONSOLE_LINES), lines.size())
            .forEach(l -> context.out().println("  " + l));
      }
      context.out().flush();
      return 0;
    } catch (WorkspaceLockedException locked) {
      // the process training holds the workspace: what the run's folder says so far
      RunFolderView view = RunFolderView.read(context.workspaceDir().toAbsolutePath().normalize(), runId)
          .orElseThrow(() -> locked);
      print(view);
      return 0;
    }
  }

  private void print(RunFolderView view) {
    TrainingEpoch best = HeadlineMetrics.best(view.epochs());
    HeadlineMetrics m = HeadlineMetrics.of(view.task(), best == null ? java.util.Map.of() : best.values());
    int done = view.epochs().isEmpty() ? 0 : view.epochs().get(view.epochs().size() - 1).epoch();
    String note = "the workspace is in use by another Loupe process; read from the run folder";
    if (context.json()) {
      var run = dev.loupe.core.api.ApiJson.MAPPER.createObjectNode();
      run.put("id", runId);
      run.putNull("status");
      run.put("task", view.task().apiName());
      run.put("epochs", done);
      run.put("epochsTotal", view.epochsTotal());
      var metrics = run.putObject("metrics");
      metrics.put("mAP50", m.map50());
      metrics.put("mAP50-95", m.map5095());
      metrics.put("precision", m.precision());
      metrics.put("recall", m.recall());
      run.put("runDir", view.runDir().toString());
      run.put("note", note);
      context.printJson(TrainJson.wrapped(run));
      return;
    }
    context.out().println("run " + runId + ": " + done + "/" + view.epochsTotal() + " epochs so far (" + note + ")");
    if (best != null) {
      context.out().println("best epoch " + best.epoch() + ": " + TrainOutput.metrics(view.task(), best.values()));
    }
    context.out().println("run folder " + view.runDir());
    context.out().flush();
  }
}
