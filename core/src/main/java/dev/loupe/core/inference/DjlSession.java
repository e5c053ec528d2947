package dev.loupe.core.inference;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A model loaded in a DJL engine (ONNX Runtime or PyTorch). DJL predictors are not thread-safe, so
 * each calling thread borrows one from a pool (with its own direct input buffer, which the engine
 * reads in place) and gives it back; the pool grows to the number of threads that call at once.
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
  public List<Tensor> run(float[] input, long[] shape) {
    if (closed) {
      throw new IllegalStateException("the model is closed");
    }
    int count = 1;
    for (long d : shape) {
      count = Math.multiplyExact(count, (int) d);
    }
    Worker worker = idle.poll();
    if (worker == null) {
      worker = new Worker(model.newPredictor(translator));
      all.add(worker);
    }
    try {
      FloatBuffer buffer = worker.buffer(count);
      buffer.put(input, 0, count).flip();
      return worker.predictor.predict(new RawOutputTranslator.Input(buffer, shape));
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

  private static final class Worker {
    final ai.djl.inference.Predictor<RawOutputTranslator.Input, List<Tensor>> predictor;
    FloatBuffer buffer;

    Worker(ai.djl.inference.Predictor<RawOutputTranslator.Input, List<Tensor>> predictor) {
      this.predictor = predictor;
    }

    FloatBuffer buffer(int count) {
      if (buffer == null || buffer.capacity() != count) {
        buffer = ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
      }
      buffer.clear();
      return buffer;
    }
  }
}
