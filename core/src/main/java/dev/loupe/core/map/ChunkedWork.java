package dev.loupe.core.map;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a loop over {@code 0..n-1} on a fixed number of threads in chunks whose bounds depend only on
 * {@code n}, never on the thread count, so that work written per index gives the same result however
 * many workers run it. Checks for cancellation before each chunk.
 */
final class ChunkedWork implements AutoCloseable {
  /** The body of a loop over {@code [from, to)}. */
  interface Range {
    void run(int from, int to);
  }

  private static final int CHUNK = 512;

  private final ExecutorService pool;
  private final int workers;
  private final TaskMonitor monitor;

  ChunkedWork(int workers, TaskMonitor monitor) {
    this.workers = workers;
    this.monitor = monitor;
    AtomicInteger count = new AtomicInteger();
    this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "loupe-map-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs {@code body} over {@code [0, n)} and returns once every chunk is done. */
  void forEach(int n, Range body) {
    forEach(n, CHUNK, body);
  }

  /** As {@link #forEach(int, Range)} with chunks of {@code chunk} indices. */
  void forEach(int n, int chunk, Range body) {
    int chunks = (n + chunk - 1) / chunk;
    if (pool == null || chunks <= 1) {
      for (int c = 0; c < chunks; c++) {
        monitor.checkCancelled();
        body.run(c * chunk, Math.min(n, (c + 1) * chunk));
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < Math.min(workers, chunks); w++) {
      running.add(pool.submit(() -> {
        for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
          if (monitor.isCancelled()) {
            return;
          }
          body.run(c * chunk, Math.min(n, (c + 1) * chunk));
        }
      }));
    }
    for (Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
    monitor.checkCancelled();
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
