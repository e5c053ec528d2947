package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.OutputDecoder;
import dev.loupe.core.inference.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Segment models: detect rows with mask coefficients appended (classic (1, 4+nc+m, anchors) or
 * end-to-end (1, rows, 6+m)) and prototypes (1, m, H/4, W/4). Each mask is built at input size
 * ({@link PrototypeMasks}), its outer contours traced ({@link ContourTracer}) and the contour points
 * mapped to original pixels as Ultralytics' {@code Masks.xy} does. Polygons come largest first (by
 * point count, Ultralytics' "largest" choice); contours of fewer than three points are left out.
 */
final class SegmentDecoder implements OutputDecoder {
  private final ModelInfo model;
  private final boolean multiLabel;

  SegmentDecoder(ModelInfo model, boolean multiLabel) {
    this.model = model;
    this.multiLabel = multiLabel;
  }

  @Override
  public ImagePrediction decode(List<Tensor> outputs, DecodeContext context) {
    Tensor output = Outputs.first(outputs, 3, "segment");
    PrototypeMasks masks =
        new PrototypeMasks(Outputs.first(outputs, 4, "segment"), context.inputH(), context.inputW());
    int m = masks.channels();
    RawDetections raw =
        RawDetections.decode(
            output, model, context.options(), m, RawDetections.Geometry.BOX, multiLabel, "segment");
    Letterbox letterbox = new Letterbox(context);
    boolean rounded = raw.count < PrototypeMasks.ROUNDED_CROP_BELOW;
    double[] coefficients = new double[m];
    double[] box = new double[4];
    List<Detection> results = new ArrayList<>(raw.count);
    for (int r = 0; r < raw.count; r++) {
      for (int k = 0; k < m; k++) {
        coefficients[k] = raw.extra(r, k);
      }
      System.arraycopy(raw.box, 4 * r, box, 0, 4);
      PrototypeMasks.Region region = masks.mask(coefficients, box, rounded);
      Detection plain = DetectDecoder.box(raw, r, letterbox, model);
      results.add(
          new Detection(
              plain.classId(), plain.name(), plain.confidence(), plain.x1(), plain.y1(), plain.x2(), plain.y2(),
              polygons(region, letterbox), null, null));
    }
    return new ImagePrediction(context.origH(), context.origW(), results, List.of());
  }

  static List<double[]> polygons(PrototypeMasks.Region region, Letterbox letterbox) {
    if (region.pixels().length == 0) {
      return List.of();
    }
    List<int[]> contours = ContourTracer.outerContours(region.pixels(), region.width(), region.height());
    List<double[]> polygons = new ArrayList<>(contours.size());
    for (int[] contour : contours) {
      if (contour.length < 6) {
        continue;
      }
      double[] polygon = new double[contour.length];
      for (int i = 0; i < contour.length; i += 2) {
        polygon[i] = letterbox.pointX(contour[i] + region.x());
        polygon[i + 1] = letterbox.pointY(contour[i + 1] + region.y());
      }
      polygons.add(polygon);
    }
    polygons.sort(Comparator.comparingInt((double[] p) -> p.length).reversed());
    return polygons;
  }
}
