package dev.loupe.training;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.TrainingRun;
import java.io.IOException;

/**
 * Who trains: the ultralytics CLI on this machine ({@link LocalTrainingBackend}) or the platform's
 * cloud GPUs ({@link CloudTrainingBackend}). Each call records the run in the workspace's {@code
 * trainingRuns()} and returns when the run has ended; a cancelled monitor stops it and the call returns
 * the run rather than throwing: a local run ends {@code cancelled}; a cloud run ends {@code
 * interrupted}, as the platform goes on training it (an API key cannot cancel there).
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
