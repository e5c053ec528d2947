package dev.loupe.core.inference;

import ai.djl.Model;
import ai.djl.translate.TranslateException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A model loaded in a DJL engine, run through DJL's predictor (the PyTorch engine; ONNX models run
 * as {@link OnnxSession}). DJL predictors are not thread-safe, so each calling thread borrows one
 * from a pool and gives it back; the pool grows to the number of threads that call at once. The
 * caller's direct input buffer goes to the engine as it is.
 */
final class DjlSession extends EngineSession {
  private final Model model;
  private final RawOutputTranslator translator = new RawOutputTranslator();
  private final Queue<Worker> idle = new ConcurrentLinkedQueue<>();
  private final Set<Worker> all = ConcurrentHashMap.newKeySet();

  DjlSession(Model model, long[] inputShape, String description) {
    super(inputShape, description);
    this.model = model;
  }

  @Override
  public <T> T run(FloatBuffer input, long[] shape, Function<List<Tensor>, T> reader) {
    int count = checkRun(input, shape);
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

  @Override
  public void close() {
    markClosed();
    for (Worker worker : all) {
      worker.predictor.close();
    }
    all.clear();
    idle.clear();
    model.close();
  }

  private record Worker(ai.djl.inference.Predictor<RawOutputTranslator.Input, List<Tensor>> predictor) {}
}
