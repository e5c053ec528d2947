package dev.loupe.core.inference.decode;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.OutputDecoder;
import dev.loupe.core.inference.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Pose models: detect rows with K keypoints of 2 or 3 values appended (classic
 * (1, 4+nc+K*dims, anchors) or end-to-end (1, rows, 6+K*dims)); keypoints in input pixels with the
 * visibility already a probability, mapped back as Ultralytics' {@code scale_coords} (the pad not
 * rounded, clipped to the image).
 */
final class PoseDecoder implements OutputDecoder {
  /** Ultralytics' default keypoint shape, for models whose metadata lacks kpt_shape. */
  static final KptShape COCO = new KptShape(17, 3);

  private final ModelInfo model;
  private final boolean multiLabel;
  private final KptShape shape;

  PoseDecoder(ModelInfo model, boolean multiLabel) {
    this.model = model;
    this.multiLabel = multiLabel;
    this.shape = model.kptShape() != null ? model.kptShape() : COCO;
  }

  @Override
  public ImagePrediction decode(List<Tensor> outputs, DecodeContext context) {
    Tensor output = Outputs.first(outputs, 3, "pose");
    RawDetections raw =
        RawDetections.decode(
            output, model, context.options(), shape.values(), RawDetections.Geometry.BOX, multiLabel, "pose");
    Letterbox letterbox = new Letterbox(context);
    int dims = shape.dims();
    List<Detection> results = new ArrayList<>(raw.count);
    for (int r = 0; r < raw.count; r++) {
      Detection box = DetectDecoder.box(raw, r, letterbox, model);
      double[] keypoints = new double[shape.values()];
      for (int k = 0; k < shape.keypoints(); k++) {
        keypoints[k * dims] = letterbox.pointX(raw.extra(r, k * dims));
        keypoints[k * dims + 1] = letterbox.pointY(raw.extra(r, k * dims + 1));
        if (dims == 3) {
          keypoints[k * dims + 2] = raw.extra(r, k * dims + 2);
        }
      }
      results.add(
          new Detection(
              box.classId(), box.name(), box.confidence(), box.x1(), box.y1(), box.x2(), box.y2(),
              List.of(), keypoints, null));
    }
    return new ImagePrediction(context.origH(), context.origW(), results, List.of());
  }
}
