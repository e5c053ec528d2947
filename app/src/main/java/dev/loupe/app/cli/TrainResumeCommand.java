package dev.loupe.app.cli;

import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.LocalTrainingBackend;
import dev.loupe.training.YoloCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe train resume RUN}: goes on with a stopped run from its last.pt ({@code yolo train resume}). */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Resume a failed, cancelled or interrupted training run from its last checkpoint.")
public final class TrainResumeCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's id (see 'loupe train list').")
  String runId;

  @Option(names = "--yolo", paramLabel = "PATH",
      description = "The ultralytics CLI program (default: $LOUPE_YOLO, else 'yolo' on PATH).")
  Path yolo;

  public TrainResumeCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    YoloCli cli = TrainOutput.yolo(context, yolo);
    TrainingRun run;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      run = new LocalTrainingBackend(ws, cli, runtime::inspect)
          .resume(runId, new TrainProgress(progress, context.err()), progress);
      progress.endLine();
    }
    return TrainOutput.finished(context, run);
  }
}
