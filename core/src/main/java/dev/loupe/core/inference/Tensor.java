package dev.loupe.core.inference;

import java.util.Arrays;

/**
 * One model output as plain Java: the values in row-major order and the shape. Decoders work on
 * these, never on engine arrays, so they are pure functions that unit tests can feed directly.
 */
public record Tensor(float[] data, long[] shape) {
  public Tensor {
    long count = 1;
    for (long dim : shape) {
      count *= dim;
    }
    if (count != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + count + " values, got " + data.length);
    }
  }

  public int dim(int axis) {
    return (int) shape[axis];
  }

  public int rank() {
    return shape.length;
  }
}
