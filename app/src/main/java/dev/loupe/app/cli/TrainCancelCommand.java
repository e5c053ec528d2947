package dev.loupe.app.cli;

import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.workspace.NotFoundException;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.core.workspace.WorkspaceLockedException;
import dev.loupe.training.OrphanedRuns;
import dev.loupe.training.TrainingFolders;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe train cancel RUN}. While another Loupe process holds the workspace (the one training),
 * this leaves a cancel request in the run's folder, which that process acts on within a second. Else
 * the run is recorded cancelled, and a yolo process a killed Loupe left running is killed. A cloud run
 * is cancelled on the platform, which refuses an API key that: the error says to use its web page.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a training run.")
public final class TrainCancelCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's id (see 'loupe train list').")
  String runId;

  public TrainCancelCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    TrainingRun run;
    try (Workspace ws = context.openWorkspace()) {
      if ("cloud".equals(ws.trainingRuns().require(runId).backend())) {
        run = cancelOnPlatform(ws);
      } else {
        run = OrphanedRuns.cancel(ws, runId);
      }
    } catch (WorkspaceLockedException locked) {
      TrainingFolders folders = TrainingFolders.of(context.workspaceDir().toAbsolutePath().normalize(), runId);
      if (!folders.requestCancel()) {
        throw new NotFoundException("training run '" + runId + "' has no folder in " + context.workspaceDir()
            + " (and the workspace is in use, so its record cannot be read)");
      }
      if (context.json()) {
        var node = dev.loupe.core.api.ApiJson.MAPPER.createObjectNode();
        node.put("run", runId);
        node.put("requested", true);
        context.printJson(node);
      } else {
        context.out().println("asked to cancel run " + runId + ": the Loupe process holding the workspace stops it"
            + " if it is running it ('loupe train status " + runId + "' once it has ended)");
        context.out().flush();
      }
      return 0;
    }
    if (context.json()) {
      context.printJson(TrainJson.wrapped(TrainJson.run(run)));
    } else {
      context.out().println("run " + runId + ": " + run.message());
      context.out().flush();
    }
    return 0;
  }

  /** Asks the platform to stop a cloud run; it refuses an API key, and the error says what to do. */
  private TrainingRun cancelOnPlatform(Workspace ws) throws IOException {
    try (PlatformClient client = PlatformAccess.client(context)) {
      return TrainCloud.backend(ws, client, null, null, ModelRuntime.engines()).cancelRemote(runId);
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
  }
}
