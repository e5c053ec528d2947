package dev.loupe.training;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.TrainingRun;
import java.io.IOException;

/**
 * Who trains: the ultralytics CLI on this machine ({@link LocalTrainingBackend}), later the platform's
 * cloud GPUs. Each call records the run in the workspace's {@code trainingRuns()} and returns when
 * the run has ended; a cancelled monitor stops it (the run ends {@code cancelled}, and the call
 * returns it rather than throwing).
 */
public interface TrainingBackend {
  /** {@code local} or {@code cloud}: what the runs it makes record as their backend. */
  String name();

  /**
   * Trains a dataset (or a version of it).
   *
   * @throws CancelledException when cancelled before the training started (while exporting); the run
   *     is then recorded cancelled
   */
  TrainingRun train(TrainRequest request, TrainingListener listener, TaskMonitor monitor) throws IOException;

  /** Goes on with a run that stopped (failed, cancelled, interrupted) from its last checkpoint. */
  TrainingRun resume(String runId, TrainingListener listener, TaskMonitor monitor) throws IOException;
}
