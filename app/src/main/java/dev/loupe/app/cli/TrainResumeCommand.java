package dev.loupe.app.cli;

import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
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

/**
 * {@code loupe train resume RUN}: goes on with a stopped local run from its last.pt ({@code yolo train
 * resume}); a cloud run is followed again on the platform, which may have trained on meanwhile.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = "Resume a failed, cancelled or interrupted training run (local: from its last checkpoint; cloud:"
        + " follow the platform's job again).")
public final class TrainResumeCommand implements Callable<Integer> {
  private final CliContext context;
  private final ModelRuntime runtime;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's id (see 'loupe train list').")
  String runId;

  @Option(names = "--yolo", paramLabel = "PATH",
      description = "The ultralytics CLI program (default: $LOUPE_YOLO, else 'yolo' on PATH).")
  Path yolo;

  @Option(names = "--poll-interval", paramLabel = "S", description = "Seconds between two looks at a cloud run (default 10).")
  Integer pollSeconds;

  public TrainResumeCommand(CliContext context, ModelRuntime runtime) {
    this.context = context;
    this.runtime = runtime;
  }

  @Override
  public Integer call() throws IOException {
    TrainingRun run;
    try (ConsoleProgress progress = context.progress();
        Workspace ws = context.openWorkspace()) {
      TrainProgress listener = new TrainProgress(progress, context.err());
      if ("cloud".equals(ws.trainingRuns().require(runId).backend())) {
        try (PlatformClient client = PlatformAccess.client(context)) {
          run = TrainCloud.backend(ws, client, null, pollSeconds, runtime).resume(runId, listener, progress);
        } catch (PlatformException e) {
          throw PlatformAccess.failure(e);
        }
      } else {
        YoloCli cli = TrainOutput.yolo(context, yolo);
        run = new LocalTrainingBackend(ws, cli, runtime::inspect).resume(runId, listener, progress);
      }
      progress.endLine();
    }
    return TrainOutput.finished(context, run);
  }
}
