package dev.loupe.core.formats.coco;

import java.util.ArrayList;
import java.util.List;

/** Polygon helpers for COCO: Ultralytics' multi-part merge and the shoelace area. */
final class CocoPolygons {
  private CocoPolygons() {}

  /**
   * Merges polygon parts (x y pairs) into one, as Ultralytics' {@code merge_multi_segment} does:
   * neighbouring parts are joined at their closest points, walked forward then back, so the result
   * is one closed outline with thin connecting seams. A single part is returned as it is.
   */
  static double[] merge(List<double[]> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    int n = parts.size();
    List<double[]> segs = new ArrayList<>(parts);
    List<List<Integer>> idx = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      idx.add(new ArrayList<>());
    }
    for (int i = 1; i < n; i++) {
      int[] m = minIndex(segs.get(i - 1), segs.get(i));
      idx.get(i - 1).add(m[0]);
      idx.get(i).add(m[1]);
    }
    List<double[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> id = idx.get(i);
      int first = id.get(0);
      int second = id.size() == 2 ? id.get(1) : 0;
      double[] s = segs.get(i);
      if (id.size() == 2 && first > second) {
        int t = first;
        first = second;
        second = t;
        s = reversed(s);
      }
      s = closed(roll(s, first));
      segs.set(i, s);
      if (i == 0 || i == n - 1) {
        out.add(s);
      } else {
        out.add(slicePoints(s, 0, second - first + 1));
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      if (i != 0 && i != n - 1) {
        List<Integer> id = idx.get(i);
        int nidx = Math.abs(id.get(1) - id.get(0));
        double[] s = segs.get(i);
        out.add(slicePoints(s, nidx, s.length / 2));
      }
    }
    int total = out.stream().mapToInt(a -> a.length).sum();
    double[] merged = new double[total];
    int at = 0;
    for (double[] a : out) {
      System.arraycopy(a, 0, merged, at, a.length);
      at += a.length;
    }
    return merged;
  }

  /** The point indexes (first in row-major order on ties) of the closest pair between two parts. */
  static int[] minIndex(double[] a, double[] b) {
    double best = Double.POSITIVE_INFINITY;
    int[] at = {0, 0};
    for (int i = 0; i < a.length / 2; i++) {
      for (int j = 0; j < b.length / 2; j++) {
        double dx = a[2 * i] - b[2 * j];
        double dy = a[2 * i + 1] - b[2 * j + 1];
        double d = dx * dx + dy * dy;
        if (d < best) {
          best = d;
          at = new int[] {i, j};
        }
      }
    }
    return at;
  }

  private static double[] reversed(double[] s) {
    int k = s.length / 2;
    double[] r = new double[s.length];
    for (int i = 0; i < k; i++) {
      r[2 * i] = s[2 * (k - 1 - i)];
      r[2 * i + 1] = s[2 * (k - 1 - i) + 1];
    }
    return r;
  }

  /** numpy {@code roll(s, -shift, axis=0)} on points. */
  private static double[] roll(double[] s, int shift) {
    int k = s.length / 2;
    double[] r = new double[s.length];
    for (int i = 0; i < k; i++) {
      int from = Math.floorMod(i + shift, k);
      r[2 * i] = s[2 * from];
      r[2 * i + 1] = s[2 * from + 1];
    }
    return r;
  }

  private static double[] closed(double[] s) {
    double[] r = java.util.Arrays.copyOf(s, s.length + 2);
    r[s.length] = s[0];
    r[s.length + 1] = s[1];
    return r;
  }

  /** Points {@code from} (inclusive) to {@code to} (exclusive), clamped as Python slicing does. */
  private static double[] slicePoints(double[] s, int from, int to) {
    int k = s.length / 2;
    int a = Math.max(0, Math.min(from, k));
    int b = Math.max(a, Math.min(to, k));
    return java.util.Arrays.copyOfRange(s, 2 * a, 2 * b);
  }

  /** The shoelace area of a polygon given as x y pairs. */
  static double area(double[] xy) {
    double sum = 0;
    int k = xy.length / 2;
    for (int i = 0; i < k; i++) {
      int j = (i + 1) % k;
      sum += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    return Math.abs(sum) / 2;
  }
}
