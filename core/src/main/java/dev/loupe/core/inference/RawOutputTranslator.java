package dev.loupe.core.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.onnxruntime.engine.OrtNDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A DJL translator that does no work of its own: the input is a ready tensor in a direct buffer
 * (the engine reads it in place), the outputs are copied once into {@code float[]}s. All pre- and
 * post-processing happens outside DJL, on plain arrays.
 */
final class RawOutputTranslator implements NoBatchifyTranslator<RawOutputTranslator.Input, List<Tensor>> {
  /** An input tensor: {@code buffer} holds exactly {@code product(shape)} floats from position 0. */
  record Input(FloatBuffer buffer, long[] shape) {}

  @Override
  public NDList processInput(TranslatorContext ctx, Input input) {
    NDArray array = ctx.getNDManager().create(input.buffer(), new Shape(input.shape()), DataType.FLOAT32);
    return new NDList(array);
  }

  @Override
  public List<Tensor> processOutput(TranslatorContext ctx, NDList list) {
    List<Tensor> out = new ArrayList<>(list.size());
    for (NDArray array : list) {
      if (array.getDataType() != DataType.FLOAT32) {
        throw new IllegalStateException(
            "model output " + array.getName() + " is " + array.getDataType()
                + ", Loupe reads float32 outputs (export without half=True)");
      }
      out.add(new Tensor(floats(array), array.getShape().getShape()));
    }
    return out;
  }

  /**
   * The values in one copy: ONNX Runtime's own heap copy of its output is taken as it is (DJL's
   * {@code toFloatArray} would copy twice, through a byte buffer); other engines through DJL.
   */
  private static float[] floats(NDArray array) {
    if (array instanceof OrtNDArray ort) {
      FloatBuffer buffer = ort.getTensor().getFloatBuffer();
      if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.array().length == buffer.remaining()) {
        return buffer.array();
      }
      float[] copy = new float[buffer.remaining()];
      buffer.get(copy);
      return copy;
    }
    return array.toFloatArray();
  }
}
