package dev.loupe.core.annotate;

import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.inference.YoloPredictor;
import dev.loupe.core.io.OrientedImageReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Predicts on many image files with the work of both stages overlapping: decoder threads read and
 * orient the next images while predictor threads run the model (a {@link Predictor} is
 * thread-safe). Bounded: at most {@code window} images are in flight, so decoded pictures never pile
 * up in memory. Results come back in the order the images went in.
 */
public final class PredictionPipeline<K> implements AutoCloseable {
  /** One image's result: the prediction, or why there is none. */
  public record Outcome<K>(K key, ImagePrediction prediction, String error, boolean modelFailed) {
    public boolean ok() {
      return prediction != null;
    }
  }

  private final Predictor predictor;
  private final PredictOptions options;
  private final OrientedImageReader reader;
  private final ExecutorService decoders;
  private final ExecutorService predictors;
  private final int window;
  private final Deque<CompletableFuture<Outcome<K>>> inFlight = new ArrayDeque<>();

  /**
   * @param decodeThreads threads decoding images (at least 1)
   * @param predictThreads threads calling the model at once (at least 1)
   */
  public PredictionPipeline(
      Predictor predictor, PredictOptions options, OrientedImageReader reader, int decodeThreads,
      int predictThreads) {
    this.predictor = predictor;
    this.options = options;
    this.reader = reader;
    this.decoders = Executors.newFixedThreadPool(Math.max(1, decodeThreads), daemon("loupe-decode"));
    this.predictors = Executors.newFixedThreadPool(Math.max(1, predictThreads), daemon("loupe-predict"));
    this.window = 2 * (Math.max(1, decodeThreads) + Math.max(1, predictThreads));
  }

  /** Whether another image may go in now. */
  public boolean hasRoom() {
    return inFlight.size() < window;
  }

  public boolean isEmpty() {
    return inFlight.isEmpty();
  }

  /** Starts work on one image. */
  public void submit(K key, Path file) {
    CompletableFuture<Outcome<K>> future;
    if (predictor instanceof YoloPredictor yolo) {
      // Loupe's own predictor reads the file as its predict(file) does (JPEGs as OpenCV reads them,
      // ADR 0008), the input letterboxed on the decoder thread
      future =
          CompletableFuture.supplyAsync(() -> prepare(yolo, file), decoders)
              .thenApplyAsync(prepared -> new Outcome<>(key, yolo.predict(prepared), null, false), predictors);
    } else {
      future =
          CompletableFuture.supplyAsync(() -> decode(file), decoders)
              .thenApplyAsync(image -> new Outcome<>(key, predictor.predict(image, options), null, false), predictors);
    }
    inFlight.addLast(future.exceptionally(e -> failed(key, e)));
  }

  /** Waits for the oldest image in flight and returns its outcome. */
  public Outcome<K> next() {
    return inFlight.removeFirst().join();
  }

  private YoloPredictor.PreparedImage prepare(YoloPredictor yolo, Path file) {
    try {
      return yolo.prepare(file, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private BufferedImage decode(Path file) {
    try {
      return reader.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <K> Outcome<K> failed(K key, Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof UncheckedIOException u) {
      return new Outcome<>(key, null, u.getCause().getMessage(), false);
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new Outcome<>(key, null, "the model failed: " + message, true);
  }

  /**
   * Drops the images in flight and stops the threads, waiting for a prediction that is running to
   * end (the caller closes the predictor next, which must not happen under a running model).
   */
  @Override
  public void close() {
    inFlight.forEach(f -> f.cancel(false));
    inFlight.clear();
    decoders.shutdownNow();
    predictors.shutdownNow();
    try {
      decoders.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      predictors.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
