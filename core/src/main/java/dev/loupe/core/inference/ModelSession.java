package dev.loupe.core.inference;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * One loaded model in an engine, seen as a function from an input tensor to raw outputs in plain
 * Java arrays. Implementations are thread-safe.
 */
interface ModelSession extends AutoCloseable {
  /** Input shape (N, C, H, W); -1 where a dimension is dynamic. */
  long[] inputShape();

  /**
   * Runs the model once and hands its outputs to {@code reader}. The output arrays may be reused by
   * the session's next run: they are valid only while {@code reader} runs, which must not keep them.
   *
   * @param input a direct buffer in native order (read in place) whose first {@code
   *     product(shape)} values, from index 0, are the input
   * @return what {@code reader} returns
   */
  <T> T run(FloatBuffer input, long[] shape, Function<List<Tensor>, T> reader);

  /** What runs it, for messages: e.g. {@code OnnxRuntime 1.24.1 on cpu()}. */
  String description();

  @Override
  void close();
}
