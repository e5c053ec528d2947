package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.Tensor;
import java.util.Arrays;
import java.util.List;

/** Picking a model's outputs by rank, with a clear message when one is missing. */
final class Outputs {
  private Outputs() {}

  static Tensor first(List<Tensor> outputs, int rank, String task) {
    for (Tensor tensor : outputs) {
      if (tensor.rank() == rank) {
        return tensor;
      }
    }
    StringBuilder shapes = new StringBuilder();
    for (Tensor tensor : outputs) {
      shapes.append(shapes.length() == 0 ? "" : ", ").append(Arrays.toString(tensor.shape()));
    }
    throw new IllegalArgumentException(
        "a " + task + " model needs an output of rank " + rank + ", got [" + shapes + "]");
  }
}
