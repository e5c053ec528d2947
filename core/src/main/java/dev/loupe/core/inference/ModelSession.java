package dev.loupe.core.inference;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * One loaded model in an engine, seen as a function from an input tensor to raw outputs in plain
 * Java arrays. Implementations are thread-safe.
 */
interface ModelSession extends AutoCloseable {
  /** Input shape (N, C, H, W); -1 where a dimension is dynamic. */
  long[] inputShape();

  /**
   * Runs the model once.
   *
   * @param input a direct buffer in native order (read in place) whose first {@code
   *     product(shape)} values, from index 0, are the input
   */
  List<Tensor> run(FloatBuffer input, long[] shape);

  /** What runs it, for messages: e.g. {@code OnnxRuntime 1.24.1 on cpu()}. */
  String description();

  @Override
  void close();
}
