package dev.loupe.training;

import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs no Loupe process is running any more (found interrupted when the workspace opened): cancel
 * records them cancelled, and kills the training process a killed Loupe may have left behind. That
 * process is recognised by its command line, which names the run's folder; a process whose command
 * line the system does not show is left alone, and the message says so.
 */
public final class OrphanedRuns {
  private OrphanedRuns() {}

  /**
   * Cancels a run this process is not running.
   *
   * @throws ConflictException when the run has ended already (completed, failed or cancelled)
   */
  public static TrainingRun cancel(Workspace workspace, String runId) {
    TrainingRun run = workspace.trainingRuns().require(runId);
    if (!run.active() && !TrainingRun.INTERRUPTED.equals(run.status())) {
      throw new ConflictException("run " + runId + " has ended already (" + run.status() + ")");
    }
    String left = "";
    Optional<ProcessHandle> alive = run.pid() == null ? Optional.empty() : ProcessHandle.of(run.pid());
    if (alive.isPresent() && alive.get().isAlive()) {
      Optional<ProcessHandle> process = leftover(workspace.root(), run);
      if (process.isPresent()) {
        List<ProcessHandle> survivors = ProcessTree.kill(process.get());
        left = survivors.isEmpty() ? "; its yolo process " + run.pid() + ", left running, was killed"
            : "; its yolo process " + run.pid() + " did not end when killed";
      } else if (commandLine(alive.get()).isEmpty()) {
        left = "; process " + run.pid() + " is alive but the system does not show its command line: check whether"
            + " it is yolo and end it yourself";
      }
    }
    return workspace.trainingRuns().finish(run.id(), TrainingRun.CANCELLED, "cancelled after it was "
        + run.status() + left, run.metrics(), null, null);
  }

  /**
   * The run's training process, when it is still alive: the process recorded for the run whose
   * command line names the run's folder (a process that took over its pid later does not).
   */
  public static Optional<ProcessHandle> leftover(Path workspaceRoot, TrainingRun run) {
    if (run.pid() == null) {
      return Optional.empty();
    }
    Path root = TrainingFolders.of(workspaceRoot, run.id()).root();
    return ProcessHandle.of(run.pid()).filter(ProcessHandle::isAlive)
        .filter(p -> commandLine(p).map(line -> line.contains(root.toString())).orElse(false));
  }

  /** The process's command line: from the JDK, else (Linux, long command lines) from /proc. */
  private static Optional<String> commandLine(ProcessHandle process) {
    Optional<String[]> arguments = process.info().arguments();
    if (arguments.isPresent() && arguments.get().length > 0) {
      return Optional.of(String.join(" ", arguments.get()));
    }
    Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    try {
      byte[] bytes = java.nio.file.Files.readAllBytes(proc);
      return bytes.length == 0 ? Optional.empty()
          : Optional.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' '));
    } catch (java.io.IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
