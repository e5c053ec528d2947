package dev.loupe.core.metrics;

import java.util.List;

/**
 * IoU of binary masks on one grid, as Ultralytics' {@code mask_iou}, and polygons turned into such
 * masks (pixels whose centre lies inside, even-odd per polygon, the polygons of one object joined).
 */
public final class MaskIou {
  private static final double EPS = 1e-7;

  private MaskIou() {}

  public static double of(boolean[] a, boolean[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("masks of " + a.length + " and " + b.length + " pixels differ in size");
    }
    long inter = 0;
    long union = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] && b[i]) {
        inter++;
      }
      if (a[i] || b[i]) {
        union++;
      }
    }
    return inter / (union + EPS);
  }

  /** {@code [i][j]}: IoU of {@code first.get(i)} and {@code second.get(j)}. */
  public static double[][] matrix(List<boolean[]> first, List<boolean[]> second) {
    double[][] result = new double[first.size()][second.size()];
    for (int i = 0; i < first.size(); i++) {
      for (int j = 0; j < second.size(); j++) {
        result[i][j] = of(first.get(i), second.get(j));
      }
    }
    return result;
  }

  /**
   * A {@code width x height} mask of polygons given in pixels x0,y0,x1,y1,... and multiplied by
   * {@code scale} (the grid is the image scaled by it).
   */
  public static boolean[] rasterize(List<double[]> polygons, int width, int height, double scale) {
    boolean[] mask = new boolean[width * height];
    double[] xs = new double[16];
    for (double[] polygon : polygons) {
      int n = polygon.length / 2;
      if (n < 3) {
        continue;
      }
      boolean[] own = new boolean[width * height];
      for (int y = 0; y < height; y++) {
        double yc = y + 0.5;
        int count = 0;
        for (int i = 0, j = n - 1; i < n; j = i++) {
          double yi = polygon[2 * i + 1] * scale;
          double yj = polygon[2 * j + 1] * scale;
          if ((yi <= yc && yc < yj) || (yj <= yc && yc < yi)) {
            double xi = polygon[2 * i] * scale;
            double xj = polygon[2 * j] * scale;
            if (count == xs.length) {
              xs = java.util.Arrays.copyOf(xs, count * 2);
            }
            xs[count++] = xi + (yc - yi) * (xj - xi) / (yj - yi);
          }
        }
        java.util.Arrays.sort(xs, 0, count);
        for (int k = 0; k + 1 < count; k += 2) {
          int from = Math.max(0, (int) Math.ceil(xs[k] - 0.5));
          int to = Math.min(width, (int) Math.ceil(xs[k + 1] - 0.5));
          for (int x = from; x < to; x++) {
            own[y * width + x] = true;
          }
        }
      }
      for (int i = 0; i < mask.length; i++) {
        mask[i] |= own[i];
      }
    }
    return mask;
  }
}
