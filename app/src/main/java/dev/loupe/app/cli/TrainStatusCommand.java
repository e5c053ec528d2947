package dev.loupe.app.cli;

import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
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
  public Integer call() {
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
    }
  }
}
