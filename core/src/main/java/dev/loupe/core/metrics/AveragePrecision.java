package dev.loupe.core.metrics;

import java.util.Arrays;

/**
 * Average precision as Ultralytics' {@code compute_ap} and {@code ap_per_class}: the monotone
 * precision envelope integrated with 101-point interpolation (COCO), and precision and recall of
 * each class read at the one confidence where the mean F1 over classes, smoothed by a box filter,
 * is highest. numpy's {@code interp}, {@code linspace} and {@code trapz} are reproduced.
 */
public final class AveragePrecision {
  private static final double EPS = 1e-16;
  private static final int CURVE_POINTS = 1000;

  private AveragePrecision() {}

  /**
   * Per class in {@code classes} (ascending, the classes of the truths): AP at each threshold, and
   * precision and recall at the confidence of maximum smoothed mean F1.
   */
  public record PerClass(int[] classes, double[][] ap, double[] precision, double[] recall) {}

  /** AP of one precision-recall curve (points in order of falling confidence). */
  public static double compute(double[] recall, double[] precision) {
    int n = recall.length;
    double[] mrec = new double[n + 2];
    double[] mpre = new double[n + 2];
    mrec[0] = 0;
    mpre[0] = 1;
    System.arraycopy(recall, 0, mrec, 1, n);
    System.arraycopy(precision, 0, mpre, 1, n);
    mrec[n + 1] = 1;
    mpre[n + 1] = 0;
    for (int i = n; i >= 0; i--) {
      mpre[i] = Math.max(mpre[i], mpre[i + 1]);
    }
    double[] x = linspace(101);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = interp(x[i], mrec, mpre, mpre[0], mpre[n + 1]);
    }
    double area = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      area += (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
    }
    return area;
  }

  /**
   * Ultralytics' {@code ap_per_class}.
   *
   * @param correct per prediction, bit t set when a true positive at threshold t
   * @param thresholds number of thresholds in {@code correct}
   */
  public static PerClass perClass(
      int[] correct, double[] confidence, int[] predictedClass, int[] trueClass, int thresholds) {
    int n = correct.length;
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(confidence[b], confidence[a])); // stable
    int[] classes = Arrays.stream(trueClass).distinct().sorted().toArray();
    int nc = classes.length;
    double[][] ap = new double[nc][thresholds];
    double[][] pCurve = new double[nc][CURVE_POINTS];
    double[][] rCurve = new double[nc][CURVE_POINTS];
    double[] x = linspace(CURVE_POINTS);
    for (int ci = 0; ci < nc; ci++) {
      int c = classes[ci];
      int labels = 0;
      for (int t : trueClass) {
        if (t == c) {
          labels++;
        }
      }
      int[] rows = Arrays.stream(boxed).mapToInt(Integer::intValue).filter(i -> predictedClass[i] == c).toArray();
      int np = rows.length;
      if (np == 0 || labels == 0) {
        continue;
      }
      double[] negConf = new double[np];
      double[][] recall = new double[thresholds][np];
      double[][] precision = new double[thresholds][np];
      for (int j = 0; j < thresholds; j++) {
        int tp = 0;
        for (int k = 0; k < np; k++) {
          if ((correct[rows[k]] & (1 << j)) != 0) {
            tp++;
          }
          int fp = k + 1 - tp;
          recall[j][k] = tp / (labels + EPS);
          precision[j][k] = tp / (double) (tp + fp);
        }
      }
      for (int k = 0; k < np; k++) {
        negConf[k] = -confidence[rows[k]];
      }
      for (int i = 0; i < CURVE_POINTS; i++) {
        rCurve[ci][i] = interp(-x[i], negConf, recall[0], 0, recall[0][np - 1]);
        pCurve[ci][i] = interp(-x[i], negConf, precision[0], 1, precision[0][np - 1]);
      }
      for (int j = 0; j < thresholds; j++) {
        ap[ci][j] = compute(recall[j], precision[j]);
      }
    }
    double[] meanF1 = new double[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) {
      double sum = 0;
      for (int ci = 0; ci < nc; ci++) {
        double p = pCurve[ci][i];
        double r = rCurve[ci][i];
        sum += 2 * p * r / (p + r + EPS);
      }
      meanF1[i] = nc == 0 ? 0 : sum / nc;
    }
    int best = argmax(smooth(meanF1, 0.1));
    double[] p = new double[nc];
    double[] r = new double[nc];
    for (int ci = 0; ci < nc; ci++) {
      p[ci] = pCurve[ci][best];
      r[ci] = rCurve[ci][best];
    }
    return new PerClass(classes, ap, p, r);
  }

  /** numpy's {@code linspace(0, 1, n)}: i * (1 / (n - 1)), the last value exactly 1. */
  static double[] linspace(int n) {
    double step = 1.0 / (n - 1);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * step;
    }
    x[n - 1] = 1.0;
    return x;
  }

  /** numpy's {@code interp} for one point ({@code xp} ascending, repeats allowed). */
  static double interp(double value, double[] xp, double[] fp, double left, double right) {
    int n = xp.length;
    if (value < xp[0]) {
      return left;
    }
    if (value > xp[n - 1]) {
      return right;
    }
    int lo = 0;
    int hi = n; // first index with xp > value
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (xp[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int j = lo - 1;
    if (j >= n - 1 || xp[j] == value) {
      return fp[j];
    }
    double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
    return slope * (value - xp[j]) + fp[j];
  }

  /** Ultralytics' {@code smooth}: a box filter of fraction f, the ends padded with the end values. */
  static double[] smooth(double[] y, double f) {
    int nf = (int) (Math.rint(y.length * f * 2) / 2) + 1;
    int half = nf / 2;
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      double sum = 0;
      for (int k = -half; k <= half; k++) {
        int idx = Math.min(Math.max(i + k, 0), y.length - 1);
        sum += y[idx] * (1.0 / nf);
      }
      out[i] = sum;
    }
    return out;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
