package dev.loupe.core.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * The crop-tolerant check of near duplicates. Where one image could be a crop of the other is found
 * one axis at a time: the other's column (and row) mean profile is matched against stretches of this
 * one's keeping {@value #MIN_KEPT_PERCENT} % to 100 % of the side, at every offset, by normalised
 * cross-correlation (NCC). The grey thumbnails are then compared at that crop, resampled to {@value
 * #GRID} x {@value #GRID}, by NCC of the picture and NCC of its detail (the picture less a 3 x 3 blur,
 * so that two smooth gradients alike do not pass for copies), both ways round, and the colour
 * histograms by intersection. The distance is the worst of {@code 1 - NCC} (picture and detail) and
 * {@code 1 - intersection}: 0 for the same picture, near 1 for unrelated ones.
 */
public final class NearDuplicates {
  static final int GRID = 24;
  static final int MIN_KEPT_PERCENT = 86;
  /** Below this standard deviation (grey levels) a thumbnail counts as flat: NCC means nothing there. */
  private static final double FLAT = 2.0;

  private NearDuplicates() {}

  /** The distance of two readable fingerprints, 0 to 2. */
  public static double distance(Fingerprint a, Fingerprint b) {
    double colour = 1 - Fingerprint.colourIntersection(a, b);
    double stdA = Fingerprint.greyDeviation(a);
    double stdB = Fingerprint.greyDeviation(b);
    if (stdA < FLAT || stdB < FLAT) {
      boolean bothFlat = stdA < FLAT && stdB < FLAT;
      return bothFlat ? colour : 1;
    }
    double oneWay = cropDistance(a, b);
    double otherWay = cropDistance(b, a);
    return Math.max(colour, Math.min(oneWay, otherWay));
  }

  /**
   * How far {@code whole} is from the crop of {@code f} that best matches it. The crop is searched
   * from several starts (the profiles' best stretches, the whole picture and a kept 92 % at the
   * centre and the corners) by steps of 1 % of a side while the match improves.
   */
  private static double cropDistance(Fingerprint f, Fingerprint whole) {
    float[] other = sample(whole, 0, 0, 1, 1);
    float[] otherDetail = detail(other);
    normalise(other);
    boolean otherFlat = normalise(otherDetail) < 1e-3;
    double[] x = bestStretch(f.columnProfile(), whole.columnProfile());
    double[] y = bestStretch(f.rowProfile(), whole.rowProfile());
    List<double[]> starts = new ArrayList<>();
    starts.add(new double[] {x[0], y[0], x[1], y[1]});
    starts.add(new double[] {0, 0, 1, 1});
    for (double sx : new double[] {0, 0.04, 0.08}) {
      for (double sy : new double[] {0, 0.04, 0.08}) {
        starts.add(new double[] {sx, sy, 0.92, 0.92});
      }
    }
    double[] best = null;
    double bestScore = -2;
    for (double[] start : starts) {
      double score = pictureMatch(f, start, other);
      if (score > bestScore) {
        bestScore = score;
        best = start;
      }
    }
    double[] crop = best.clone();
    for (int step = 0; step < 40; step++) {
      double[] improved = null;
      for (int k = 0; k < 4; k++) {
        for (double delta : new double[] {-0.01, 0.01}) {
          double[] next = crop.clone();
          next[k] += delta;
          if (!isCrop(next)) {
            continue;
          }
          double score = pictureMatch(f, next, other);
          if (score > bestScore + 1e-6) {
            bestScore = score;
            improved = next;
          }
        }
      }
      if (improved == null) {
        break;
      }
      crop = improved;
    }
    float[] cropDetail = detail(sample(f, crop[0], crop[1], crop[2], crop[3]));
    double details = otherFlat || normalise(cropDetail) < 1e-3 ? 0 : dot(cropDetail, otherDetail);
    return Math.max(0, 1 - Math.min(bestScore, details));
  }

  private static boolean isCrop(double[] c) {
    double min = MIN_KEPT_PERCENT / 100.0 - 1e-9;
    return c[0] >= -1e-9 && c[1] >= -1e-9 && c[2] >= min && c[3] >= min && c[2] <= 1 + 1e-9 && c[3] <= 1 + 1e-9
        && c[0] + c[2] <= 1 + 1e-9 && c[1] + c[3] <= 1 + 1e-9;
  }

  /** The NCC of the crop {x0, y0, w, h} of {@code f} with {@code other} (normalised). */
  private static double pictureMatch(Fingerprint f, double[] crop, float[] other) {
    float[] picture = sample(f, crop[0], crop[1], crop[2], crop[3]);
    return normalise(picture) < 1e-3 ? -1 : dot(picture, other);
  }

  /**
   * The stretch {offset, length} (fractions of the side) of {@code profile} whose values, resampled to
   * the length of {@code target}, correlate best with it.
   */
  static double[] bestStretch(float[] profile, float[] target) {
    int n = target.length;
    float[] t = target.clone();
    normalise(t);
    double best = -2;
    double[] at = {0, 1};
    float[] s = new float[n];
    for (int kept = 100; kept >= MIN_KEPT_PERCENT; kept--) {
      double length = kept / 100.0;
      for (int offset = 0; offset <= 100 - kept; offset++) {
        double start = offset / 100.0;
        for (int i = 0; i < n; i++) {
          s[i] = (float) interpolate(profile, (start + (i + 0.5) / n * length) * profile.length - 0.5);
        }
        normalise(s);
        double c = dot(s, t);
        if (c > best + 1e-9) {
          best = c;
          at = new double[] {start, length};
        }
      }
    }
    return at;
  }

  private static double interpolate(float[] v, double position) {
    double p = Math.min(v.length - 1.0, Math.max(0, position));
    int i = Math.min(v.length - 2, (int) p);
    double f = p - i;
    return v[i] * (1 - f) + v[i + 1] * f;
  }

  /**
   * The thumbnail's region from ({@code x0}, {@code y0}), {@code w} x {@code h} (fractions of its sides),
   * sampled bilinearly on a {@value #GRID} x {@value #GRID} grid of cell centres.
   */
  private static float[] sample(Fingerprint f, double x0, double y0, double w, double h) {
    int side = Fingerprint.SIDE;
    float[] out = new float[GRID * GRID];
    for (int gy = 0; gy < GRID; gy++) {
      double sy = Math.min(side - 1.0, Math.max(0, (y0 + (gy + 0.5) / GRID * h) * side - 0.5));
      int iy = Math.min(side - 2, (int) sy);
      double fy = sy - iy;
      for (int gx = 0; gx < GRID; gx++) {
        double sx = Math.min(side - 1.0, Math.max(0, (x0 + (gx + 0.5) / GRID * w) * side - 0.5));
        int ix = Math.min(side - 2, (int) sx);
        double fx = sx - ix;
        double top = f.grey(ix, iy) * (1 - fx) + f.grey(ix + 1, iy) * fx;
        double bottom = f.grey(ix, iy + 1) * (1 - fx) + f.grey(ix + 1, iy + 1) * fx;
        out[gy * GRID + gx] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return out;
  }

  /** The picture less its 3 x 3 box blur (edges clamped): what is left is its detail. */
  private static float[] detail(float[] picture) {
    float[] out = new float[picture.length];
    for (int y = 0; y < GRID; y++) {
      for (int x = 0; x < GRID; x++) {
        float sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
          int yy = Math.min(GRID - 1, Math.max(0, y + dy));
          for (int dx = -1; dx <= 1; dx++) {
            sum += picture[yy * GRID + Math.min(GRID - 1, Math.max(0, x + dx))];
          }
        }
        out[y * GRID + x] = picture[y * GRID + x] - sum / 9;
      }
    }
    return out;
  }

  /** Makes {@code v} zero-mean and unit-length in place; returns its standard deviation before. */
  static double normalise(float[] v) {
    double mean = 0;
    for (float x : v) {
      mean += x;
    }
    mean /= v.length;
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      v[i] -= (float) mean;
      sum += (double) v[i] * v[i];
    }
    if (sum > 0) {
      float inverse = (float) (1 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inverse;
      }
    }
    return Math.sqrt(sum / v.length);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
