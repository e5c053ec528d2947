package dev.loupe.core.inference;

import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Predicts on many image files, in order, with decoding overlapping inference: {@code decoders}
 * threads read, decode and letterbox the next images (a bounded window ahead, so prepared inputs
 * never pile up) while the calling thread runs the model on the current one. A file that cannot be read is
 * reported and the run goes on; a model that fails stops the run (it would fail on every image). Progress and cancellation through a {@link TaskMonitor}.
 */
public final class PredictRun {
  /** One image's outcome: a prediction, or the one-line reason there is none. */
  public record Outcome(Path image, ImagePrediction prediction, String error) {
    public boolean ok() {
      return prediction != null;
    }
  }

  /** Receives outcomes in input order, on the calling thread. */
  @FunctionalInterface
  public interface Sink {
    void accept(Outcome outcome);
  }

  private final YoloPredictor predictor;
  private final int decoders;

  /** @param decoders threads decoding images ahead of the model (at least 1) */
  public PredictRun(YoloPredictor predictor, int decoders) {
    this.predictor = predictor;
    this.decoders = Math.max(1, decoders);
  }

  /**
   * Runs over {@code images}; returns how many were predicted.
   *
   * @throws dev.loupe.core.task.CancelledException when the monitor is cancelled
   */
  public int run(List<Path> images, PredictOptions options, TaskMonitor monitor, Sink sink) {
    AtomicInteger threadCount = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            decoders,
            r -> {
              Thread t = new Thread(r, "loupe-decode-" + threadCount.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    int window = 2 * decoders;
    Deque<CompletableFuture<YoloPredictor.PreparedImage>> ahead = new ArrayDeque<>();
    int next = 0;
    int predicted = 0;
    try {
      for (int i = 0; i < images.size(); i++) {
        while (next < images.size() && ahead.size() < window) {
          Path file = images.get(next++);
          ahead.add(CompletableFuture.supplyAsync(() -> prepare(file, options), pool));
        }
        monitor.checkCancelled();
        Path file = images.get(i);
        Outcome outcome = null;
        YoloPredictor.PreparedImage prepared = null;
        try {
          prepared = ahead.removeFirst().join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
          outcome = new Outcome(file, null, message(e.getCause() != null ? e.getCause() : e));
        }
        if (prepared != null) {
          try {
            outcome = new Outcome(file, predictor.predict(prepared), null);
            predicted++;
          } catch (RuntimeException e) {
            // the model itself failed: it would on every image, so the run stops with the reason
            throw new UncheckedIOException(
                new ModelLoadException(
                    "the model failed on " + file.getFileName() + ": " + message(e), e));
          }
        }
        sink.accept(outcome);
        monitor.progress(i + 1, images.size(), file.getFileName().toString());
      }
      return predicted;
    } finally {
      ahead.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  private YoloPredictor.PreparedImage prepare(Path file, PredictOptions options) {
    try {
      return predictor.prepare(file, options);
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  private static String message(Throwable e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "file not found";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
