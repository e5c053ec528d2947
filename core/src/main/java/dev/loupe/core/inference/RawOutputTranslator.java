package dev.loupe.core.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A DJL translator that does no work of its own (for the engines run through DJL's predictor: the
 * PyTorch engine): the input is a ready tensor in a direct buffer (the engine reads it in place),
 * the outputs are copied into {@code float[]}s by DJL's {@code toFloatArray}. All pre- and
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
        throw EngineSession.notFloat32(array.getName(), array.getDataType());
      }
      out.add(new Tensor(array.toFloatArray(), array.getShape().getShape()));
    }
    return out;
  }
}
