package dev.loupe.training;

import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;

/**
 * Told what a training does as it goes, on the thread that runs it (console lines on the thread that
 * reads the process's output); a view moves what it hears to its own thread.
 */
public interface TrainingListener {
  TrainingListener NONE = new TrainingListener() {};

  /** The run's process started (a new run, or a resumed one). */
  default void started(TrainingRun run) {}

  /** An epoch's row of results.csv was complete. */
  default void epoch(TrainingRun run, TrainingEpoch epoch) {}

  /** The process printed a line (stdout or stderr). */
  default void consoleLine(String line) {}
}
