package dev.loupe.labeling.session;

import dev.loupe.core.domain.Label;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Saves labels on one background writer thread so that the FX thread never waits for the database.
 * Each image keeps only its latest state in the queue (ten quick edits make one write, and the newest
 * one always wins); {@link #flush()} waits until everything handed in has been written.
 */
public final class AutosaveWriter implements AutoCloseable {
  /** Where the labels go: {@code LabelStore.put} for the workspace. */
  @FunctionalInterface
  public interface Store {
    void put(String hash, List<Label> labels);
  }

  /** Hears the outcome of each write, on the writer thread. */
  public interface Listener {
    void saved(String hash);

    void failed(String hash, RuntimeException error);
  }

  private final Store store;
  private final Listener listener;
  private final ExecutorService thread;
  private final Map<String, List<Label>> pending = new LinkedHashMap<>();
  private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
  private boolean busy;
  private boolean closed;

  public AutosaveWriter(Store store, Listener listener) {
    this.store = store;
    this.listener = listener;
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "loupe-autosave");
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues the labels of an image; a state queued earlier for the same image and not yet written is replaced. */
  public synchronized void save(String hash, List<Label> labels) {
    if (closed) {
      throw new IllegalStateException("the labeling session is closed; labels of " + hash + " not saved");
    }
    pending.put(hash, List.copyOf(labels));
    if (!busy) {
      busy = true;
      thread.execute(this::drain);
    }
  }

  /** True while some state has not been written yet. */
  public synchronized boolean isDirty() {
    return busy;
  }

  private void drain() {
    while (true) {
      String hash;
      List<Label> labels;
      synchronized (this) {
        Iterator<Map.Entry<String, List<Label>>> it = pending.entrySet().iterator();
        if (!it.hasNext()) {
          busy = false;
          notifyAll();
          return;
        }
        Map.Entry<String, List<Label>> next = it.next();
        it.remove();
        hash = next.getKey();
        labels = next.getValue();
      }
      try {
        store.put(hash, labels);
        synchronized (this) {
          failures.remove(hash);
        }
        listener.saved(hash);
      } catch (RuntimeException e) {
        synchronized (this) {
          failures.put(hash, e);
        }
        listener.failed(hash, e);
      }
    }
  }

  /**
   * Waits until every queued state is written; returns the images whose latest write failed, with
   * why (empty when all is saved).
   */
  public synchronized Map<String, RuntimeException> flush() {
    boolean interrupted = false;
    while (busy) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return Map.copyOf(failures);
  }

  /** Flushes, then stops the writer thread. */
  @Override
  public void close() {
    flush();
    synchronized (this) {
      closed = true;
    }
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
