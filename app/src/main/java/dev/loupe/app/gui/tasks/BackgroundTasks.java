package dev.loupe.app.gui.tasks;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs the workbench's long work (import, export, versions, split, thumbnails, bulk moves) on one
 * executor as JavaFX {@link javafx.concurrent.Task}s, keeps the list the status bar shows, and turns
 * a failure into one clear message. Results and errors are handled on the FX thread; no dialog is
 * shown from inside the work.
 */
public final class BackgroundTasks implements AutoCloseable {
  /** Work that reports progress to, and checks cancellation on, a core {@link TaskMonitor}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(TaskMonitor monitor) throws Exception;
  }

  private final Executor executor;
  private final LongSupplier nanoClock;
  private final ObservableList<RunningTask<?>> running = FXCollections.observableArrayList();
  /** One read-only view, kept: a listener added to a fresh wrapper dies with the wrapper when it is collected. */
  private final ObservableList<RunningTask<?>> runningView = FXCollections.unmodifiableObservableList(running);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

  /** Tasks on {@code executor} (tests pass a direct one, called on the FX thread, to run them in line). */
  public BackgroundTasks(Executor executor, LongSupplier nanoClock) {
    this.executor = executor;
    this.nanoClock = nanoClock;
  }

  /** Two worker threads: an import can run while thumbnails are made. */
  public static BackgroundTasks create() {
    AtomicInteger n = new AtomicInteger();
    ThreadFactory threads =
        r -> {
          Thread t = new Thread(r, "loupe-task-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    return new BackgroundTasks(Executors.newFixedThreadPool(2, threads), System::nanoTime);
  }

  /** The work in progress or waiting, in the order it was submitted. Read on the FX thread. */
  public ObservableList<RunningTask<?>> running() {
    return runningView;
  }

  /** The last failure as one line ("Import failed: ..."), or null. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public void clearError() {
    error.set(null);
  }

  /** Same as {@link #submit(String, Work, Consumer, Runnable)} with nothing to do on failure. */
  public <T> RunningTask<T> submit(String title, Work<T> work, Consumer<T> onSuccess) {
    return submit(title, work, onSuccess, () -> {});
  }

  /**
   * Starts {@code work}; call on the FX thread. {@code onSuccess} gets the result on the FX thread;
   * {@code onEnd} runs after success, failure or cancellation (to refresh what the work changed).
   */
  public <T> RunningTask<T> submit(String title, Work<T> work, Consumer<T> onSuccess, Runnable onEnd) {
    RunningTask<T> item = new RunningTask<>(title, work, nanoClock);
    var task = item.task();
    task.setOnSucceeded(
        e -> {
          running.remove(item);
          try {
            onSuccess.accept(task.getValue());
          } catch (RuntimeException ex) {
            error.set(Messages.text("tasks.failed", title, describe(ex)));
          }
          onEnd.run();
        });
    task.setOnFailed(
        e -> {
          running.remove(item);
          Throwable t = task.getException();
          if (!(t instanceof CancelledException)) {
            error.set(Messages.text("tasks.failed", title, describe(t)));
          }
          onEnd.run();
        });
    running.add(item);
    executor.execute(task);
    return item;
  }

  /** One line for people: the message, or the kind of error when there is none. */
  static String describe(Throwable t) {
    Throwable shown = t;
    while (shown.getMessage() == null && shown.getCause() != null) {
      shown = shown.getCause();
    }
    if (shown instanceof java.nio.file.NoSuchFileException) {
      return Messages.text("tasks.noSuchFile", String.valueOf(shown.getMessage()));
    }
    String message = shown.getMessage();
    return message == null || message.isBlank() ? shown.getClass().getSimpleName() : message;
  }

  /** Asks every task to stop and waits a little for them. */
  @Override
  public void close() {
    List.copyOf(running).forEach(RunningTask::cancel);
    if (executor instanceof ExecutorService service) {
      service.shutdown(); // never shutdownNow: an interrupt closes H2's file channels
      try {
        service.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
