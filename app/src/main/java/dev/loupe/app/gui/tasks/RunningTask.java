package dev.loupe.app.gui.tasks;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Task;

/**
 * One piece of long work as the status bar shows it: a title, a progress (-1 while unknown), the
 * latest message, and Cancel. The work is a core operation that takes a {@link TaskMonitor}; its
 * progress reaches the FX thread at most every {@link #PUBLISH_EVERY_NANOS} (the last report always).
 *
 * <p>Cancel never interrupts the worker thread: an interrupt closes H2's file channels. The work sees
 * {@link TaskMonitor#isCancelled()} at its next check and ends with {@link CancelledException}.
 */
public final class RunningTask<T> {
  static final long PUBLISH_EVERY_NANOS = 100_000_000L;

  private final String title;
  private final AtomicBoolean cancelRequested = new AtomicBoolean();
  private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(false);
  private final Task<T> task;

  RunningTask(String title, BackgroundTasks.Work<T> work, LongSupplier nanoClock) {
    this.title = title;
    this.task =
        new Task<>() {
          private long lastPublished = Long.MIN_VALUE;

          @Override
          protected T call() throws Exception {
            updateProgress(-1, 1);
            updateMessage(Messages.text("tasks.starting"));
            TaskMonitor monitor =
                new TaskMonitor() {
                  @Override
                  public void progress(long done, long total, String message) {
                    long now = nanoClock.getAsLong();
                    boolean last = total > 0 && done >= total;
                    synchronized (this) {
                      if (!last && lastPublished != Long.MIN_VALUE && now - lastPublished < PUBLISH_EVERY_NANOS) {
                        return;
                      }
                      lastPublished = now;
                    }
                    if (total > 0) {
                      updateProgress(done, total);
                    } else {
                      updateProgress(-1, 1);
                    }
                    if (message != null) {
                      updateMessage(message);
                    }
                  }

                  @Override
                  public boolean isCancelled() {
                    return cancelRequested.get();
                  }
                };
            return work.run(monitor);
          }
        };
  }

  Task<T> task() {
    return task;
  }

  public String title() {
    return title;
  }

  /** 0..1, or -1 while the work does not know how much is left. */
  public ReadOnlyDoubleProperty progressProperty() {
    return task.progressProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return task.messageProperty();
  }

  /** True once Cancel was pressed, until the work stops. */
  public ReadOnlyBooleanProperty cancellingProperty() {
    return cancelling.getReadOnlyProperty();
  }

  /** Asks the work to stop at its next cancellation check. */
  public void cancel() {
    cancelRequested.set(true);
    cancelling.set(true);
  }

  public boolean isCancelRequested() {
    return cancelRequested.get();
  }
}
