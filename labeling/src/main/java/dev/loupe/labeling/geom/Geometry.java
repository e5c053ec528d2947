package dev.loupe.labeling.geom;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;

/**
 * Moves and reshapes labels. Pure functions on normalized labels; results stay on the image (clamped
 * to 0..1). Operations that need true angles or distances (rotation) take the image size in pixels.
 */
public final class Geometry {
  /** Box handles, clockwise from the top-left corner. */
  public static final int NW = 0, N = 1, NE = 2, E = 3, SE = 4, S = 5, SW = 6, W = 7;

  private Geometry() {}

  public static double clamp(double v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
  }

  /** A box from two corners in any order, clamped to the image. */
  public static BoxLabel box(int classId, double x1, double y1, double x2, double y2) {
    double minX = clamp(Math.min(x1, x2)), maxX = clamp(Math.max(x1, x2));
    double minY = clamp(Math.min(y1, y2)), maxY = clamp(Math.max(y1, y2));
    return new BoxLabel(classId, (minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY);
  }

  /** Moves a label by (dx, dy), no further than the image's edge. */
  public static Label translate(Label label, double dx, double dy) {
    double[] b = Bounds.of(label);
    if (b == null) {
      return label;
    }
    dx = Math.max(-b[0], Math.min(1 - b[2], dx));
    dy = Math.max(-b[1], Math.min(1 - b[3], dy));
    if (label instanceof BoxLabel box) {
      return new BoxLabel(box.classId(), box.cx() + dx, box.cy() + dy, box.w(), box.h());
    }
    if (label instanceof PolygonLabel p) {
      return new PolygonLabel(p.classId(), shift(p.points(), dx, dy));
    }
    if (label instanceof ObbLabel o) {
      return new ObbLabel(o.classId(), shift(o.corners(), dx, dy));
    }
    PoseLabel p = (PoseLabel) label;
    double[] v = p.keypoints().toArray();
    for (int k = 0; k < p.keypointCount(); k++) {
      if (Keypoints.isLabeled(p, k)) {
        v[k * p.dims()] += dx;
        v[k * p.dims() + 1] += dy;
      }
    }
    return new PoseLabel(p.classId(), p.cx() + dx, p.cy() + dy, p.w(), p.h(), Coords.of(v), p.dims());
  }

  private static Coords shift(Coords xy, double dx, double dy) {
    double[] v = xy.toArray();
    for (int i = 0; i + 1 < v.length; i += 2) {
      v[i] += dx;
      v[i + 1] += dy;
    }
    return Coords.of(v);
  }

  /** The handle positions of a box or pose box, normalized: x0 y0 x1 y1 ... for {@link #NW}..{@link #W}. */
  public static double[] boxHandles(double cx, double cy, double w, double h) {
    double l = cx - w / 2, r = cx + w / 2, t = cy - h / 2, b = cy + h / 2;
    return new double[] {l, t, cx, t, r, t, r, cy, r, b, cx, b, l, b, l, cy};
  }

  /**
   * Drags one handle of an axis-aligned box to (x, y); dragging past the opposite side flips the box.
   * Returns {cx, cy, w, h}.
   */
  public static double[] resizeBox(double cx, double cy, double w, double h, int handle, double x, double y) {
    double l = cx - w / 2, r = cx + w / 2, t = cy - h / 2, b = cy + h / 2;
    x = clamp(x);
    y = clamp(y);
    if (handle == NW || handle == W || handle == SW) {
      l = x;
    }
    if (handle == NE || handle == E || handle == SE) {
      r = x;
    }
    if (handle == NW || handle == N || handle == NE) {
      t = y;
    }
    if (handle == SW || handle == S || handle == SE) {
      b = y;
    }
    double minX = Math.min(l, r), maxX = Math.max(l, r), minY = Math.min(t, b), maxY = Math.max(t, b);
    return new double[] {(minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY};
  }

  /** Resizes a box or the box of a pose by one handle (keypoints stay where they are). */
  public static Label resize(Label label, int handle, double x, double y) {
    if (label instanceof BoxLabel bx) {
      double[] r = resizeBox(bx.cx(), bx.cy(), bx.w(), bx.h(), handle, x, y);
      return new BoxLabel(bx.classId(), r[0], r[1], r[2], r[3]);
    }
    if (label instanceof PoseLabel p) {
      double[] r = resizeBox(p.cx(), p.cy(), p.w(), p.h(), handle, x, y);
      return new PoseLabel(p.classId(), r[0], r[1], r[2], r[3], p.keypoints(), p.dims());
    }
    return label;
  }

  public static PolygonLabel moveVertex(PolygonLabel p, int vertex, double x, double y) {
    double[] v = p.points().toArray();
    v[vertex * 2] = clamp(x);
    v[vertex * 2 + 1] = clamp(y);
    return new PolygonLabel(p.classId(), Coords.of(v));
  }

  /** Inserts a vertex after {@code vertex} (on the edge from it to the next one). */
  public static PolygonLabel insertVertex(PolygonLabel p, int vertex, double x, double y) {
    double[] v = p.points().toArray();
    double[] out = new double[v.length + 2];
    int at = (vertex + 1) * 2;
    System.arraycopy(v, 0, out, 0, at);
    out[at] = clamp(x);
    out[at + 1] = clamp(y);
    System.arraycopy(v, at, out, at + 2, v.length - at);
    return new PolygonLabel(p.classId(), Coords.of(out));
  }

  /** Removes a vertex; a triangle keeps its three (returns the polygon unchanged). */
  public static PolygonLabel deleteVertex(PolygonLabel p, int vertex) {
    if (p.vertexCount() <= 3) {
      return p;
    }
    double[] v = p.points().toArray();
    double[] out = new double[v.length - 2];
    System.arraycopy(v, 0, out, 0, vertex * 2);
    System.arraycopy(v, vertex * 2 + 2, out, vertex * 2, v.length - vertex * 2 - 2);
    return new PolygonLabel(p.classId(), Coords.of(out));
  }

  /** An oriented box from an axis-aligned one (corners clockwise from top-left). */
  public static ObbLabel obbFromBox(int classId, double x1, double y1, double x2, double y2) {
    BoxLabel b = box(classId, x1, y1, x2, y2);
    double l = b.cx() - b.w() / 2, r = b.cx() + b.w() / 2, t = b.cy() - b.h() / 2, bt = b.cy() + b.h() / 2;
    return new ObbLabel(classId, Coords.of(l, t, r, t, r, bt, l, bt));
  }

  /** Centre of an oriented box, normalized {x, y}. */
  public static double[] centre(ObbLabel o) {
    Coords c = o.corners();
    return new double[] {
      (c.get(0) + c.get(2) + c.get(4) + c.get(6)) / 4, (c.get(1) + c.get(3) + c.get(5) + c.get(7)) / 4
    };
  }

  /**
   * Rotates an oriented box about its centre by {@code radians} (clockwise on screen), in pixel space
   * so that angles are true on a non-square image.
   */
  public static ObbLabel rotate(ObbLabel o, double radians, double imageWidth, double imageHeight) {
    double[] c = centre(o);
    double cos = Math.cos(radians), sin = Math.sin(radians);
    double[] v = o.corners().toArray();
    for (int i = 0; i < 8; i += 2) {
      double px = (v[i] - c[0]) * imageWidth, py = (v[i + 1] - c[1]) * imageHeight;
      v[i] = c[0] + (px * cos - py * sin) / imageWidth;
      v[i + 1] = c[1] + (px * sin + py * cos) / imageHeight;
    }
    return new ObbLabel(o.classId(), Coords.of(v));
  }

  /** The rotation angle of an oriented box: the direction of its first edge, radians, in pixel space. */
  public static double angle(ObbLabel o, double imageWidth, double imageHeight) {
    Coords c = o.corners();
    return Math.atan2((c.get(3) - c.get(1)) * imageHeight, (c.get(2) - c.get(0)) * imageWidth);
  }

  /**
   * Drags corner {@code corner} of an oriented box to (x, y) keeping the opposite corner and the
   * angle: the box is resized in its own frame.
   */
  public static ObbLabel resizeObb(ObbLabel o, int corner, double x, double y, double imageWidth, double imageHeight) {
    double[] v = o.corners().toArray();
    int opp = (corner + 2) % 4;
    double ox = v[opp * 2] * imageWidth, oy = v[opp * 2 + 1] * imageHeight;
    double a = angle(o, imageWidth, imageHeight);
    double ux = Math.cos(a), uy = Math.sin(a), vx = -uy, vy = ux;
    double dx = clamp(x) * imageWidth - ox, dy = clamp(y) * imageHeight - oy;
    double du = dx * ux + dy * uy, dv = dx * vx + dy * vy;
    // the two corners beside the opposite one lie along each axis from it
    double[] p = new double[8];
    p[opp * 2] = ox;
    p[opp * 2 + 1] = oy;
    p[corner * 2] = ox + du * ux + dv * vx;
    p[corner * 2 + 1] = oy + du * uy + dv * vy;
    int next = (opp + 1) % 4, prev = (opp + 3) % 4;
    // corners are clockwise: from opp, the corner "next" lies along +/-u or +/-v depending on which corner opp is
    double[] along = (opp % 2 == 0) ? new double[] {du * ux, du * uy, dv * vx, dv * vy} : new double[] {dv * vx, dv * vy, du * ux, du * uy};
    p[next * 2] = ox + along[0];
    p[next * 2 + 1] = oy + along[1];
    p[prev * 2] = ox + along[2];
    p[prev * 2 + 1] = oy + along[3];
    for (int i = 0; i < 8; i += 2) {
      p[i] = clamp(p[i] / imageWidth);
      p[i + 1] = clamp(p[i + 1] / imageHeight);
    }
    return new ObbLabel(o.classId(), Coords.of(p));
  }

  /** The label with another class (image classes included). */
  public static Label withClass(Label label, int classId) {
    return label instanceof ClassLabel ? new ClassLabel(classId) : label.withClassId(classId);
  }
}
