package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.OutputDecoder;
import dev.loupe.core.inference.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Detect models: classic (1, 4+nc, anchors) through confidence filter and class-aware NMS, or
 * end-to-end (1, rows, 6) rows x1,y1,x2,y2,score,class through the confidence filter; boxes mapped
 * back to original pixels and clipped.
 */
final class DetectDecoder implements OutputDecoder {
  private final ModelInfo model;
  private final boolean multiLabel;

  DetectDecoder(ModelInfo model, boolean multiLabel) {
    this.model = model;
    this.multiLabel = multiLabel;
  }

  @Override
  public ImagePrediction decode(List<Tensor> outputs, DecodeContext context) {
    Tensor output = Outputs.first(outputs, 3, "detect");
    RawDetections raw =
        RawDetections.decode(
            output, model, context.options(), 0, RawDetections.Geometry.BOX, multiLabel, "detect");
    Letterbox letterbox = new Letterbox(context);
    List<Detection> results = new ArrayList<>(raw.count);
    for (int r = 0; r < raw.count; r++) {
      results.add(box(raw, r, letterbox, model));
    }
    return new ImagePrediction(context.origH(), context.origW(), results, List.of());
  }

  /** Row {@code r} of {@code raw} as a plain box in original pixels. */
  static Detection box(RawDetections raw, int r, Letterbox letterbox, ModelInfo model) {
    return Detection.box(
        raw.cls[r],
        ClassNames.of(model.names(), raw.cls[r]),
        raw.score[r],
        letterbox.boxX(raw.box[4 * r]),
        letterbox.boxY(raw.box[4 * r + 1]),
        letterbox.boxX(raw.box[4 * r + 2]),
        letterbox.boxY(raw.box[4 * r + 3]));
  }
}
