package dev.loupe.core.map;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How well a layout keeps neighbourhoods, as scikit-learn's {@code trustworthiness} defines it:
 * {@code T(k) = 1 - 2 / (n k (2n - 3k - 1)) * sum_i sum_{j in U_k(i)} (r(i, j) - k)}, where
 * {@code U_k(i)} are the {@code k} nearest neighbours of point {@code i} in the layout and
 * {@code r(i, j)} is the rank of {@code j} among {@code i}'s neighbours in the original space (1 the
 * nearest); only ranks above {@code k} count. 1 is perfect. Distances are Euclidean; ties go by
 * index.
 */
public final class Trustworthiness {
  private Trustworthiness() {}

  /** Over every point; takes time in {@code n^2}. */
  public static double of(float[][] original, Layout layout, int k) {
    int[] all = IntStream.range(0, original.length).toArray();
    return over(original, layout, k, all);
  }

  /**
   * Over {@code samples} points drawn by {@code seed} (each still ranked against all points), the
   * normaliser counting only them: an estimate of {@link #of} for large sets.
   */
  public static double sampled(float[][] original, Layout layout, int k, int samples, long seed) {
    int n = original.length;
    if (samples >= n) {
      return of(original, layout, k);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] rows = random.ints(0, n).distinct().limit(samples).sorted().toArray();
    return over(original, layout, k, rows);
  }

  private static double over(float[][] original, Layout layout, int k, int[] rows) {
    int n = original.length;
    if (layout.size() != n) {
      throw new IllegalArgumentException(n + " vectors but " + layout.size() + " points");
    }
    if (k < 1 || k >= n / 2.0) {
      throw new IllegalArgumentException("k must be at least 1 and below half the points (" + n + "), was " + k);
    }
    long[] penalties = IntStream.range(0, rows.length).parallel()
        .mapToLong(r -> penalty(original, layout, k, rows[r])).toArray();
    double sum = 0;
    for (long p : penalties) {
      sum += p;
    }
    return 1 - sum * 2.0 / ((double) rows.length * k * (2.0 * n - 3.0 * k - 1.0));
  }

  /** The sum over {@code i}'s layout neighbours of how far past rank k they rank in the original. */
  private static long penalty(float[][] original, Layout layout, int k, int i) {
    int n = original.length;
    double[] dist = new double[n];
    float[] vi = original[i];
    for (int j = 0; j < n; j++) {
      float[] vj = original[j];
      double s = 0;
      for (int d = 0; d < vi.length; d++) {
        double e = vi[d] - vj[d];
        s += e * e;
      }
      dist[j] = s;
    }
    long penalty = 0;
    for (int j : LayoutNeighbours.nearest(layout, i, k)) {
      int rank = 1;
      for (int l = 0; l < n; l++) {
        if (l != i && (dist[l] < dist[j] || (dist[l] == dist[j] && l < j))) {
          rank++;
        }
      }
      penalty += Math.max(0, rank - k);
    }
    return penalty;
  }
}
