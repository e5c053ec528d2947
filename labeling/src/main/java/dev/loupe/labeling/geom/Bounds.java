package dev.loupe.labeling.geom;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;

/** The normalized axis-aligned bounds of a label: {minX, minY, maxX, maxY}; null for image classes. */
public final class Bounds {
  private Bounds() {}

  public static double[] of(Label label) {
    if (label instanceof BoxLabel b) {
      return new double[] {b.cx() - b.w() / 2, b.cy() - b.h() / 2, b.cx() + b.w() / 2, b.cy() + b.h() / 2};
    }
    if (label instanceof PolygonLabel p) {
      return ofPoints(p.points());
    }
    if (label instanceof ObbLabel o) {
      return ofPoints(o.corners());
    }
    if (label instanceof PoseLabel p) {
      return ofPose(p);
    }
    return null; // ClassLabel: the whole image, no geometry
  }

  private static double[] ofPoints(Coords xy) {
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    for (int i = 0; i + 1 < xy.size(); i += 2) {
      double x = xy.get(i), y = xy.get(i + 1);
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    return new double[] {minX, minY, maxX, maxY};
  }

  private static double[] ofPose(PoseLabel p) {
    double[] b = {p.cx() - p.w() / 2, p.cy() - p.h() / 2, p.cx() + p.w() / 2, p.cy() + p.h() / 2};
    for (int k = 0; k < p.keypointCount(); k++) {
      if (Keypoints.isLabeled(p, k)) {
        double x = Keypoints.x(p, k), y = Keypoints.y(p, k);
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
    }
    return b;
  }
}
