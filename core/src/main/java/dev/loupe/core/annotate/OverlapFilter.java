package dev.loupe.core.annotate;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's rule for auto-annotation: a prediction that overlaps an existing label of the same
 * class at IoU 0.7 or more is already labeled and is left out. Overlap is measured between the
 * axis-aligned extents of the two shapes (a polygon's or rotated box's bounding box). An image that
 * has a class label keeps it: classify predictions are added only to images without one.
 */
public final class OverlapFilter {
  public static final double PLATFORM_IOU = 0.7;

  private final double threshold;

  public OverlapFilter(double threshold) {
    this.threshold = threshold;
  }

  /** The new labels that do not duplicate an existing one. */
  public List<Label> keepNew(List<Label> existing, List<Label> predicted) {
    List<Label> kept = new ArrayList<>();
    for (Label p : predicted) {
      if (!duplicates(existing, p)) {
        kept.add(p);
      }
    }
    return kept;
  }

  private boolean duplicates(List<Label> existing, Label p) {
    if (p instanceof ClassLabel) {
      return existing.stream().anyMatch(l -> l instanceof ClassLabel);
    }
    double[] a = extent(p);
    for (Label e : existing) {
      if (e.classId() == p.classId() && !(e instanceof ClassLabel) && iou(a, extent(e)) >= threshold) {
        return true;
      }
    }
    return false;
  }

  /** x1, y1, x2, y2 of a label's shape. */
  static double[] extent(Label label) {
    if (label instanceof BoxLabel b) {
      return new double[] {b.cx() - b.w() / 2, b.cy() - b.h() / 2, b.cx() + b.w() / 2, b.cy() + b.h() / 2};
    }
    if (label instanceof PoseLabel p) {
      return new double[] {p.cx() - p.w() / 2, p.cy() - p.h() / 2, p.cx() + p.w() / 2, p.cy() + p.h() / 2};
    }
    if (label instanceof PolygonLabel p) {
      return bounds(p.points());
    }
    if (label instanceof ObbLabel o) {
      return bounds(o.corners());
    }
    return new double[] {0, 0, 1, 1};
  }

  private static double[] bounds(Coords c) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i + 1 < c.size(); i += 2) {
      b[0] = Math.min(b[0], c.get(i));
      b[1] = Math.min(b[1], c.get(i + 1));
      b[2] = Math.max(b[2], c.get(i));
      b[3] = Math.max(b[3], c.get(i + 1));
    }
    return b;
  }

  static double iou(double[] a, double[] b) {
    double iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    double ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
    return union <= 0 ? 0 : inter / union;
  }
}
