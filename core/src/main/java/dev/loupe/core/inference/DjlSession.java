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

/**
 * A model loaded in a DJL engine (ONNX Runtime or PyTorch). DJL predictors are not thread-safe, so
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
  public List<Tensor> run(FloatBuffer input, long[] shape) {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
    int count = 1;
    for (long d : shape) {
      count = Math.multiplyExact(count, (int) d);
    }
    if (!input.isDirect() || input.order() != ByteOrder.nativeOrder() || input.capacity() < count) {
      throw new IllegalArgumentException("the input must be a direct native-order buffer of " + count + " floats");
    }
    Worker worker = idle.poll();
    if (worker == null) {
      worker = new Worker(model.newPredictor(translator));
      all.add(worker);
    }
    try {
      FloatBuffer view = input.duplicate().clear().limit(count);
      return worker.predictor.predict(new RawOutputTranslator.Input(view, shape));
    } catch (TranslateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("the model failed to run: " + cause.getMessage(), e);
    } finally {
      idle.offer(worker);
    }
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
