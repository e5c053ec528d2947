package dev.loupe.core.workspace;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work on many images by worker threads, handed on in batches in input order, so that each batch
 * can be written in one transaction while the next is computed no sooner than it is asked for (a
 * cancel then loses at most one batch of work and never half of one).
 */
final class ImageBatches {
  /** The work for one image; an {@link IOException} marks that image unreadable, anything else stops all. */
  @FunctionalInterface
  interface Job<I, R> {
    R run(I item) throws IOException;
  }

  /** Takes a finished batch: the items and their results, null where the job threw an IOException. */
  @FunctionalInterface
  interface Sink<I, R> {
    void accept(List<I> items, List<R> results);
  }

  private ImageBatches() {}

  /**
   * Runs {@code job} over {@code items} on {@code workers} threads, {@code batch} at a time, reporting
   * {@code message} progress, and hands each batch to {@code sink} on the calling thread.
   *
   * @throws CancelledException when {@code monitor} is cancelled (batches handed on stay handed on)
   */
  static <I, R> void run(
      List<I> items, int workers, int batch, Job<I, R> job, Sink<I, R> sink, TaskMonitor monitor, String message) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(workers, items.size())),
            r -> {
              Thread t = new Thread(r, "loupe-insight");
              t.setDaemon(true);
              return t;
            });
    try {
      monitor.progress(0, items.size(), message);
      for (int from = 0; from < items.size(); from += batch) {
        monitor.checkCancelled();
        List<I> chunk = items.subList(from, Math.min(items.size(), from + batch));
        List<Future<R>> futures = new ArrayList<>(chunk.size());
        for (I item : chunk) {
          futures.add(
              pool.submit(
                  () -> {
                    if (monitor.isCancelled()) {
                      throw new CancelledException();
                    }
                    try {
                      return job.run(item);
                    } catch (IOException e) {
                      return null;
                    }
                  }));
        }
        List<R> results = new ArrayList<>(chunk.size());
        for (Future<R> f : futures) {
          results.add(result(f));
        }
        sink.accept(chunk, results);
        monitor.progress(from + chunk.size(), items.size(), message);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <R> R result(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    }
  }
}
