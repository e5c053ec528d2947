package dev.loupe.core.inference;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** What every {@link ModelSession} keeps alike: its input shape, its description, whether it is closed. */
abstract class EngineSession implements ModelSession {
  private final long[] inputShape;
  private final String description;
  private volatile boolean closed;

  EngineSession(long[] inputShape, String description) {
    this.inputShape = inputShape.clone();
    this.description = description;
  }

  @Override
  public final long[] inputShape() {
    return inputShape.clone();
  }

  @Override
  public final String description() {
    return description;
  }

  /** From here on every run is refused. */
  final void markClosed() {
    closed = true;
  }

  /**
   * The number of input values, after checking that the session is open and that {@code input} is
   * a direct native-order buffer that holds them.
   */
  final int checkRun(FloatBuffer input, long[] shape) {
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
    return count;
  }

  /** The error for a model output that is not float32 (a half-precision export, say). */
  static IllegalStateException notFloat32(String output, Object type) {
    return new IllegalStateException(
        "model output " + output + " is " + type + ", Loupe reads float32 outputs (export without half=True)");
  }
}
