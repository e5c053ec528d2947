package dev.loupe.core.metrics;

/**
 * Probabilistic IoU of rotated boxes (Llerena et al., 2021), as Ultralytics' {@code batch_probiou}:
 * each box is a Gaussian with covariance from w^2/12, h^2/12 and its angle; the similarity is one
 * minus the Hellinger distance of the two Gaussians. Boxes are cx, cy, w, h, angle (radians).
 */
public final class ProbIou {
  private static final double EPS = 1e-7;

  private ProbIou() {}

  /** probiou of two rotated boxes given as cx, cy, w, h, angle. */
  public static double of(double[] a, double[] b) {
    double[] cov = new double[6];
    covariance(a[2], a[3], a[4], cov, 0);
    covariance(b[2], b[3], b[4], cov, 3);
    return fromCovariance(a[0], a[1], cov, 0, b[0], b[1], cov, 3);
  }

  /** Matrix of probiou, {@code [i][j]} for {@code first[i]} against {@code second[j]}. */
  public static double[][] matrix(double[][] first, double[][] second) {
    double[][] result = new double[first.length][second.length];
    for (int i = 0; i < first.length; i++) {
      for (int j = 0; j < second.length; j++) {
        result[i][j] = of(first[i], second[j]);
      }
    }
    return result;
  }

  /** Writes the covariance terms a, b, c of a box of size w x h turned by {@code angle}. */
  public static void covariance(double w, double h, double angle, double[] out, int offset) {
    double a = w * w / 12;
    double b = h * h / 12;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    out[offset] = a * cos * cos + b * sin * sin;
    out[offset + 1] = a * sin * sin + b * cos * cos;
    out[offset + 2] = (a - b) * cos * sin;
  }

  /** probiou from centres and covariance terms written by {@link #covariance}. */
  public static double fromCovariance(
      double x1, double y1, double[] cov1, int o1, double x2, double y2, double[] cov2, int o2) {
    double a1 = cov1[o1];
    double b1 = cov1[o1 + 1];
    double c1 = cov1[o1 + 2];
    double a2 = cov2[o2];
    double b2 = cov2[o2 + 1];
    double c2 = cov2[o2 + 2];
    double sa = a1 + a2;
    double sb = b1 + b2;
    double sc = c1 + c2;
    double det = sa * sb - sc * sc;
    double t1 = (sa * (y1 - y2) * (y1 - y2) + sb * (x1 - x2) * (x1 - x2)) / (det + EPS) * 0.25;
    double t2 = (sc * (x2 - x1) * (y1 - y2)) / (det + EPS) * 0.5;
    double d1 = Math.max(a1 * b1 - c1 * c1, 0);
    double d2 = Math.max(a2 * b2 - c2 * c2, 0);
    double t3 = Math.log(det / (4 * Math.sqrt(d1 * d2) + EPS) + EPS) * 0.5;
    double bd = Math.min(Math.max(t1 + t2 + t3, EPS), 100.0);
    double hd = Math.sqrt(1.0 - Math.exp(-bd) + EPS);
    return 1 - hd;
  }
}
