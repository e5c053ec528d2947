package dev.loupe.core.inference;

import java.util.List;

/**
 * Turns a model's raw outputs into predictions in original-image pixels: a pure function over
 * {@code float[]} and shapes (no engine types), one implementation per task and output layout.
 */
public interface OutputDecoder {
  ImagePrediction decode(List<Tensor> outputs, DecodeContext context);
}
