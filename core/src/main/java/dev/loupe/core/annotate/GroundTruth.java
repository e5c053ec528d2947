package dev.loupe.core.annotate;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.inference.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset's labels as the metrics compare them: detections in image pixels with confidence 1
 * (boxes from every kind of shape; polygons, keypoints and rotated boxes where the label has them).
 */
final class GroundTruth {
  private GroundTruth() {}

  static List<Detection> of(List<Label> labels, List<String> names, double width, double height) {
    List<Detection> truths = new ArrayList<>();
    for (Label label : labels) {
      String name = label.classId() < names.size() ? names.get(label.classId()) : "class" + label.classId();
      if (label instanceof BoxLabel b) {
        truths.add(box(label.classId(), name, b.cx(), b.cy(), b.w(), b.h(), width, height, null));
      } else if (label instanceof PoseLabel p) {
        double[] k = p.keypoints().toArray();
        for (int i = 0; i < k.length; i += p.dims()) {
          k[i] *= width;
          k[i + 1] *= height;
        }
        truths.add(box(label.classId(), name, p.cx(), p.cy(), p.w(), p.h(), width, height, k));
      } else if (label instanceof PolygonLabel p) {
        double[] points = pixels(p.points(), width, height);
        double[] b = bounds(points);
        truths.add(new Detection(label.classId(), name, 1, b[0], b[1], b[2], b[3], List.of(points), null, null));
      } else if (label instanceof ObbLabel o) {
        double[] c = pixels(o.corners(), width, height);
        double[] b = bounds(c);
        truths.add(new Detection(label.classId(), name, 1, b[0], b[1], b[2], b[3], List.of(), null, xywhr(c)));
      }
    }
    return truths;
  }

  private static Detection box(
      int cls, String name, double cx, double cy, double w, double h, double width, double height, double[] kpts) {
    return new Detection(
        cls, name, 1, (cx - w / 2) * width, (cy - h / 2) * height, (cx + w / 2) * width, (cy + h / 2) * height,
        List.of(), kpts, null);
  }

  private static double[] pixels(Coords c, double width, double height) {
    double[] v = c.toArray();
    for (int i = 0; i + 1 < v.length; i += 2) {
      v[i] *= width;
      v[i + 1] *= height;
    }
    return v;
  }

  private static double[] bounds(double[] points) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i + 1 < points.length; i += 2) {
      b[0] = Math.min(b[0], points[i]);
      b[1] = Math.min(b[1], points[i + 1]);
      b[2] = Math.max(b[2], points[i]);
      b[3] = Math.max(b[3], points[i + 1]);
    }
    return b;
  }

  /**
   * The rotated box of four corners (in the order Ultralytics writes them: the first edge runs along
   * the height, the second along the width) as cx, cy, w, h, angle.
   */
  static double[] xywhr(double[] c) {
    double cx = (c[0] + c[2] + c[4] + c[6]) / 4;
    double cy = (c[1] + c[3] + c[5] + c[7]) / 4;
    double h = Math.hypot(c[2] - c[0], c[3] - c[1]);
    double wx = c[2] - c[4];
    double wy = c[3] - c[5];
    return new double[] {cx, cy, Math.hypot(wx, wy), h, Math.atan2(wy, wx)};
  }
}
