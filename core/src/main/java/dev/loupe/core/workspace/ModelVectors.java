package dev.loupe.core.workspace;

import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import dev.loupe.core.inference.YoloPredictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Vectors from a model whose first output is one vector per image: shape (1, D) or (1, D, 1, 1), as a
 * YOLO classify export gives (its class scores) or a feature extractor (its pooled features). The
 * image is prepared as the model's task wants it (a classify model: resized and centre-cropped).
 */
final class ModelVectors implements VectorSource {
  private final YoloPredictor predictor;
  private final String modelName;

  /** Takes over {@code predictor} (closed with this). */
  ModelVectors(YoloPredictor predictor, String modelName) {
    this.predictor = predictor;
    this.modelName = modelName;
  }

  @Override
  public float[] vector(Path file, String name) throws IOException {
    return vectorOf(predictor.rawOutput(predictor.prepare(file, PredictOptions.DEFAULTS)), modelName);
  }

  /**
   * The values of a vector output.
   *
   * @throws IllegalArgumentException when the output has another shape
   */
  static float[] vectorOf(Tensor output, String modelName) {
    long[] s = output.shape();
    boolean vector =
        s.length == 2 && s[0] == 1 && s[1] > 0 || s.length == 4 && s[0] == 1 && s[1] > 0 && s[2] == 1 && s[3] == 1;
    if (!vector) {
      throw new IllegalArgumentException(
          "model '" + modelName + "' gives an output of shape " + Arrays.toString(s) + ", not a vector;"
              + " embeddings need a model whose output is (1, D) or (1, D, 1, 1), such as a YOLO classify export");
    }
    return output.data();
  }

  @Override
  public void close() {
    predictor.close();
  }
}
