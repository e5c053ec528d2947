package dev.loupe.core.inference.decode;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import java.util.List;
import java.util.Map;

/** Hand-built models and outputs for the decoder tests. */
final class TestModels {
  static final List<String> NAMES = List.of("cat", "dog", "bird");

  private TestModels() {}

  static ModelInfo model(Task task, boolean endToEnd) {
    return model(task, endToEnd, null);
  }

  static ModelInfo model(Task task, boolean endToEnd, KptShape kptShape) {
    return new ModelInfo("onnx", task, NAMES, 640, 640, 32, endToEnd, kptShape, 3, Map.of());
  }

  /** A 640 x 480 (w x h) image letterboxed into 640 x 640: gain 1, pad x 0, pad y 80. */
  static DecodeContext context(ModelInfo model, PredictOptions options) {
    return Letterbox.context(model, options, 640, 640, 480, 640);
  }

  /** A classic output (1, rows of each anchor, anchors) from anchor columns. */
  static Tensor classic(float[]... anchors) {
    int channels = anchors[0].length;
    float[] data = new float[channels * anchors.length];
    for (int a = 0; a < anchors.length; a++) {
      for (int c = 0; c < channels; c++) {
        data[c * anchors.length + a] = anchors[a][c];
      }
    }
    return new Tensor(data, new long[] {1, channels, anchors.length});
  }

  /** An end-to-end output (1, rows, width) from rows. */
  static Tensor endToEnd(float[]... rows) {
    int width = rows[0].length;
    float[] data = new float[width * rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, data, r * width, width);
    }
    return new Tensor(data, new long[] {1, rows.length, width});
  }

  static float[] row(double... values) {
    float[] row = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      row[i] = (float) values[i];
    }
    return row;
  }
}
