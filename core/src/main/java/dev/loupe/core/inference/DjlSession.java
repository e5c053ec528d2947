package dev.loupe.core.inference;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A model loaded in a DJL engine, run through DJL's predictor (the PyTorch engine; ONNX models run
 * as {@link OnnxSession}). DJL predictors are not thread-safe, so
 * each calling thread borrows one from a pool and gives it back; the pool grows to the number of
 * threads that call at once. The caller's direct input buffer goes to the engine as it is.
 */
final class DjlSession implements ModelSession {
  private final Model model;
  private final long[] inputShape;
  private final String description;
  private final RawOutputTranslator translator = new RawOutputTranslator();
  private final Queue<Worker> idle = new ConcurrentLinkedQueue<>();
  private final Set<Worker> all = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  DjlSession(Model model, long[] inputShape, String description) {
    this.model = model;
    this.inputShape = inputShape.clone();
    this.description = description;
  }

  @Override
  public long[] inputShape() {
    return inputShape.clone();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public <T> T run(FloatBuffer input, long[] shape, Function<List<Tensor>, T> reader) {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
    int count = checkInput(input, shape);
    Worker worker = idle.poll();
    if (worker == null) {
      worker = new Worker(model.newPredictor(translator));
      all.add(worker);
    }
    try {
      FloatBuffer view = input.duplicate().clear().limit(count);
      // DJL's outputs are fresh arrays for every run
      return reader.apply(worker.predictor.predict(new RawOutputTranslator.Input(view, shape)));
    } catch (TranslateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("the model failed to run: " + cause.getMessage(), e);
    } finally {
      idle.offer(worker);
    }
  }

  /**
   * The number of input values, after checking that {@code input} is a direct native-order buffer
   * that holds them.
   */
  static int checkInput(FloatBuffer input, long[] shape) {
    int count = 1;
    for (long d : shape) {
      count = Math.multiplyExact(count, (int) d);
    }
    if (!input.isDirect() || input.order() != ByteOrder.nativeOrder() || input.capacity() < count) {
      throw new IllegalArgumentException("the input must be a direct native-order buffer of " + count + " floats");
    }
    return count;
  }

  @Override
  public void close() {
    closed = true;
    for (Worker worker : all) {
      worker.predictor.close();
    }
    all.clear();
    idle.clear();
    model.close();
  }

  private record Worker(ai.djl.inference.Predictor<RawOutputTranslator.Input, List<Tensor>> predictor) {}
}
