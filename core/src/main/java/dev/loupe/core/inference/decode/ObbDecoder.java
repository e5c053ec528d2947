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
 * Oriented-box models: classic (1, 4+nc+1, anchors) cx,cy,w,h, class scores, angle, through
 * rotated NMS (probiou, the class offset on the centre only), or end-to-end (1, rows, 7)
 * cx,cy,w,h,score,class,angle; boxes regularized, mapped back to original pixels (not clipped, as
 * Ultralytics), with the axis-aligned hull of the corners as x1..y2.
 */
final class ObbDecoder implements OutputDecoder {
  private final ModelInfo model;
  private final boolean multiLabel;

  ObbDecoder(ModelInfo model, boolean multiLabel) {
    this.model = model;
    this.multiLabel = multiLabel;
  }

  @Override
  public ImagePrediction decode(List<Tensor> outputs, DecodeContext context) {
    Tensor output = Outputs.first(outputs, 3, "obb");
    RawDetections raw =
        RawDetections.decode(
            output, model, context.options(), 1, RawDetections.Geometry.ROTATED, multiLabel, "obb");
    Letterbox letterbox = new Letterbox(context);
    List<Detection> results = new ArrayList<>(raw.count);
    for (int r = 0; r < raw.count; r++) {
      double[] box = {
        raw.box[4 * r], raw.box[4 * r + 1], raw.box[4 * r + 2], raw.box[4 * r + 3], raw.extra(r, 0)
      };
      RotatedBoxes.regularize(box);
      box[0] = letterbox.centreX(box[0]);
      box[1] = letterbox.centreY(box[1]);
      box[2] = letterbox.length(box[2]);
      box[3] = letterbox.length(box[3]);
      double[] corners = RotatedBoxes.corners(box);
      double x1 = Double.POSITIVE_INFINITY;
      double y1 = Double.POSITIVE_INFINITY;
      double x2 = Double.NEGATIVE_INFINITY;
      double y2 = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 8; i += 2) {
        x1 = Math.min(x1, corners[i]);
        x2 = Math.max(x2, corners[i]);
        y1 = Math.min(y1, corners[i + 1]);
        y2 = Math.max(y2, corners[i + 1]);
      }
      results.add(
          new Detection(
              raw.cls[r], ClassNames.of(model.names(), raw.cls[r]), raw.score[r], x1, y1, x2, y2,
              List.of(), null, box));
    }
    return new ImagePrediction(context.origH(), context.origW(), results, List.of());
  }
}
