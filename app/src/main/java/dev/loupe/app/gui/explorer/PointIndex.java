package dev.loupe.app.gui.explorer;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A uniform grid over the points of a map, in map coordinates: each cell lists the points inside it,
 * so the point under the pointer and the points in a rectangle or a lasso are found by looking at the
 * cells they touch, not at every point. About two points per cell on average.
 */
public final class PointIndex {
  private final float[] xs;
  private final float[] ys;
  private final double minX;
  private final double minY;
  private final double cellW;
  private final double cellH;
  private final int cols;
  private final int rows;
  /** Points of cell c are {@code order[start[c]]} to {@code order[start[c + 1] - 1]}. */
  private final int[] start;
  private final int[] order;

  public PointIndex(float[] xs, float[] ys) {
    this.xs = xs;
    this.ys = ys;
    int n = xs.length;
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x0 = Math.min(x0, xs[i]);
      y0 = Math.min(y0, ys[i]);
      x1 = Math.max(x1, xs[i]);
      y1 = Math.max(y1, ys[i]);
    }
    if (n == 0) {
      x0 = y0 = 0;
      x1 = y1 = 1;
    }
    int side = Math.max(1, (int) Math.ceil(Math.sqrt(n / 2.0)));
    minX = x0;
    minY = y0;
    cols = side;
    rows = side;
    cellW = Math.max(1e-9, (x1 - x0) / cols);
    cellH = Math.max(1e-9, (y1 - y0) / rows);
    int[] counts = new int[cols * rows + 1];
    int[] cellOf = new int[n];
    for (int i = 0; i < n; i++) {
      cellOf[i] = cell(col(xs[i]), row(ys[i]));
      counts[cellOf[i] + 1]++;
    }
    for (int c = 0; c < cols * rows; c++) {
      counts[c + 1] += counts[c];
    }
    start = counts;
    order = new int[n];
    int[] fill = Arrays.copyOf(counts, counts.length);
    for (int i = 0; i < n; i++) {
      order[fill[cellOf[i]]++] = i;
    }
  }

  private int col(double x) {
    return Math.max(0, Math.min(cols - 1, (int) Math.floor((x - minX) / cellW)));
  }

  private int row(double y) {
    return Math.max(0, Math.min(rows - 1, (int) Math.floor((y - minY) / cellH)));
  }

  private int cell(int col, int row) {
    return row * cols + col;
  }

  /** The point nearest to (x, y) within {@code radius} (map units), or -1. */
  public int nearest(double x, double y, double radius) {
    int best = -1;
    double bestD = radius * radius;
    int c0 = col(x - radius);
    int c1 = col(x + radius);
    int r0 = row(y - radius);
    int r1 = row(y + radius);
    for (int r = r0; r <= r1; r++) {
      for (int c = c0; c <= c1; c++) {
        int cell = cell(c, r);
        for (int k = start[cell]; k < start[cell + 1]; k++) {
          int i = order[k];
          double dx = xs[i] - x;
          double dy = ys[i] - y;
          double d = dx * dx + dy * dy;
          if (d <= bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }

  /** The points inside the rectangle with corners (x0, y0) and (x1, y1), edges included. */
  public BitSet inRectangle(double x0, double y0, double x1, double y1) {
    double lx = Math.min(x0, x1);
    double hx = Math.max(x0, x1);
    double ly = Math.min(y0, y1);
    double hy = Math.max(y0, y1);
    BitSet found = new BitSet(xs.length);
    for (int r = row(ly); r <= row(hy); r++) {
      for (int c = col(lx); c <= col(hx); c++) {
        int cell = cell(c, r);
        for (int k = start[cell]; k < start[cell + 1]; k++) {
          int i = order[k];
          if (xs[i] >= lx && xs[i] <= hx && ys[i] >= ly && ys[i] <= hy) {
            found.set(i);
          }
        }
      }
    }
    return found;
  }

  /** The points inside the polygon of vertices ({@code px[k]}, {@code py[k]}) (even-odd rule). */
  public BitSet inPolygon(double[] px, double[] py) {
    BitSet found = new BitSet(xs.length);
    if (px.length < 3) {
      return found;
    }
    double lx = Arrays.stream(px).min().orElseThrow();
    double hx = Arrays.stream(px).max().orElseThrow();
    double ly = Arrays.stream(py).min().orElseThrow();
    double hy = Arrays.stream(py).max().orElseThrow();
    BitSet box = inRectangle(lx, ly, hx, hy);
    for (int i = box.nextSetBit(0); i >= 0; i = box.nextSetBit(i + 1)) {
      if (contains(px, py, xs[i], ys[i])) {
        found.set(i);
      }
    }
    return found;
  }

  /** Whether (x, y) is inside the polygon (crossings of a ray to the right). */
  static boolean contains(double[] px, double[] py, double x, double y) {
    boolean inside = false;
    for (int a = 0, b = px.length - 1; a < px.length; b = a++) {
      if ((py[a] > y) != (py[b] > y) && x < (px[b] - px[a]) * (y - py[a]) / (py[b] - py[a]) + px[a]) {
        inside = !inside;
      }
    }
    return inside;
  }
}
