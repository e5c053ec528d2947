package dev.loupe.core.metrics;

/** IoU of axis-aligned boxes x1,y1,x2,y2, as Ultralytics' {@code box_iou} (eps 1e-7 in the union). */
public final class BoxIou {
  private static final double EPS = 1e-7;

  private BoxIou() {}

  public static double of(double[] a, double[] b) {
    double w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    double h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    double inter = w * h;
    double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
    return inter / (union + EPS);
  }

  /** {@code [i][j]}: IoU of {@code first[i]} and {@code second[j]}. */
  public static double[][] matrix(double[][] first, double[][] second) {
    double[][] result = new double[first.length][second.length];
    for (int i = 0; i < first.length; i++) {
      for (int j = 0; j < second.length; j++) {
        result[i][j] = of(first[i], second[j]);
      }
    }
    return result;
  }
}
