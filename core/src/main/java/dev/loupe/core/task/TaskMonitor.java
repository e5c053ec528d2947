package dev.loupe.core.task;

/**
 * How long work reports progress and learns that it should stop. Core operations take one; the app
 * wraps it in a JavaFX Task, the command line in a progress line.
 */
public interface TaskMonitor {
  /** A monitor that ignores progress and is never cancelled. */
  TaskMonitor NONE =
      new TaskMonitor() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
          return false;
        }
      };

  /**
   * Reports that {@code done} of {@code total} units are finished ({@code total} is -1 when unknown).
   * May be called from any thread.
   */
  void progress(long done, long total, String message);

  boolean isCancelled();

  /** Throws {@link CancelledException} when the user asked to stop. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }
}
