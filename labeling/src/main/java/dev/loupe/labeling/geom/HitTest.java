package dev.loupe.labeling.geom;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import java.util.List;

/**
 * Which label is under the pointer. Distances are measured in view pixels (a tolerance of 4 px is
 * 4 px at any zoom), so every test takes the viewport.
 */
public final class HitTest {
  private HitTest() {}

  /**
   * The index of the label under view point (vx, vy): among the labels hit, the smallest (so a box
   * inside a box can be picked); -1 when none. {@code skip} says which indices to ignore (hidden).
   */
  public static int pick(List<Label> labels, ShapeIndex index, Viewport vp, double vx, double vy, double tolerance,
      java.util.function.IntPredicate skip) {
    double nx = vp.normX(vx), ny = vp.normY(vy);
    double tx = vp.normWidth(tolerance), ty = vp.normHeight(tolerance);
    int best = -1;
    double bestArea = Double.MAX_VALUE;
    for (int i : index.query(nx - tx, ny - ty, nx + tx, ny + ty)) {
      if (skip.test(i) || !hits(labels.get(i), vp, vx, vy, tolerance)) {
        continue;
      }
      double area = (index.maxX(i) - index.minX(i)) * (index.maxY(i) - index.minY(i));
      if (area <= bestArea) {
        best = i;
        bestArea = area;
      }
    }
    return best;
  }

  /** Whether view point (vx, vy) is inside the label or within {@code tolerance} view pixels of its outline. */
  public static boolean hits(Label label, Viewport vp, double vx, double vy, double tolerance) {
    if (label instanceof BoxLabel b) {
      return insideBox(vp, b.cx(), b.cy(), b.w(), b.h(), vx, vy, tolerance);
    }
    if (label instanceof PolygonLabel p) {
      return insidePolygon(p.points(), vp, vx, vy) || nearestEdge(p.points(), vp, vx, vy)[1] <= tolerance;
    }
    if (label instanceof ObbLabel o) {
      return insidePolygon(o.corners(), vp, vx, vy) || nearestEdge(o.corners(), vp, vx, vy)[1] <= tolerance;
    }
    if (label instanceof PoseLabel p) {
      return insideBox(vp, p.cx(), p.cy(), p.w(), p.h(), vx, vy, tolerance) || nearestKeypoint(p, vp, vx, vy, tolerance) >= 0;
    }
    return false;
  }

  private static boolean insideBox(Viewport vp, double cx, double cy, double w, double h, double vx, double vy, double tol) {
    return vx >= vp.viewX(cx - w / 2) - tol && vx <= vp.viewX(cx + w / 2) + tol
        && vy >= vp.viewY(cy - h / 2) - tol && vy <= vp.viewY(cy + h / 2) + tol;
  }

  /** Even-odd rule on the view-space polygon. */
  public static boolean insidePolygon(Coords xy, Viewport vp, double vx, double vy) {
    int n = xy.size() / 2;
    boolean inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = vp.viewX(xy.get(i * 2)), yi = vp.viewY(xy.get(i * 2 + 1));
      double xj = vp.viewX(xy.get(j * 2)), yj = vp.viewY(xy.get(j * 2 + 1));
      if ((yi > vy) != (yj > vy) && vx < (xj - xi) * (vy - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /**
   * The closed outline's edge nearest to the view point: {edge index (from vertex i to i+1), distance
   * in view pixels, x, y of the nearest point normalized}.
   */
  public static double[] nearestEdge(Coords xy, Viewport vp, double vx, double vy) {
    int n = xy.size() / 2;
    double[] best = {-1, Double.MAX_VALUE, 0, 0};
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double ax = vp.viewX(xy.get(i * 2)), ay = vp.viewY(xy.get(i * 2 + 1));
      double bx = vp.viewX(xy.get(j * 2)), by = vp.viewY(xy.get(j * 2 + 1));
      double dx = bx - ax, dy = by - ay;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((vx - ax) * dx + (vy - ay) * dy) / len2));
      double px = ax + t * dx, py = ay + t * dy;
      double d = Math.hypot(vx - px, vy - py);
      if (d < best[1]) {
        best = new double[] {i, d, vp.normX(px), vp.normY(py)};
      }
    }
    return best;
  }

  /** The vertex of x y pairs within {@code tolerance} view pixels of the point (nearest), or -1. */
  public static int nearestVertex(Coords xy, Viewport vp, double vx, double vy, double tolerance) {
    int best = -1;
    double bestD = tolerance;
    for (int i = 0; i < xy.size() / 2; i++) {
      double d = Math.hypot(vp.viewX(xy.get(i * 2)) - vx, vp.viewY(xy.get(i * 2 + 1)) - vy);
      if (d <= bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  /** The labeled keypoint within {@code tolerance} view pixels (nearest), or -1. */
  public static int nearestKeypoint(PoseLabel p, Viewport vp, double vx, double vy, double tolerance) {
    int best = -1;
    double bestD = tolerance;
    for (int k = 0; k < p.keypointCount(); k++) {
      if (!Keypoints.isLabeled(p, k)) {
        continue;
      }
      double d = Math.hypot(vp.viewX(Keypoints.x(p, k)) - vx, vp.viewY(Keypoints.y(p, k)) - vy);
      if (d <= bestD) {
        best = k;
        bestD = d;
      }
    }
    return best;
  }

  /** The handle (of {@code handles}, x y pairs normalized) within tolerance, or -1. */
  public static int nearestHandle(double[] handles, Viewport vp, double vx, double vy, double tolerance) {
    return nearestVertex(Coords.of(handles), vp, vx, vy, tolerance);
  }
}
