package dev.loupe.core.map;

import java.util.Arrays;

/**
 * UMAP's fuzzy simplicial set of a kNN graph, as umap-learn computes it: per point, rho (the distance
 * to its nearest neighbour) and sigma (found by binary search so that the memberships of its
 * neighbours sum to log2 of the neighbourhood size); membership {@code exp(-(d - rho) / sigma)}; then
 * the fuzzy union {@code a + b - a*b} of both directions. Held as symmetric compressed rows: the
 * neighbours of point {@code i} are {@code columns[starts[i] .. starts[i+1]-1]}, in increasing order.
 */
record FuzzyGraph(int[] starts, int[] columns, float[] weights) {
  private static final double TOLERANCE = 1e-5;
  private static final double MIN_K_DIST_SCALE = 1e-3;
  private static final int SEARCH_STEPS = 64;

  int size() {
    return starts.length - 1;
  }

  /** The graph without edges lighter than {@code share} of the heaviest (umap-learn drops max / epochs). */
  FuzzyGraph withoutEdgesBelow(double share) {
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, w);
    }
    double floor = max * share;
    int n = size();
    int[] keptStarts = new int[n + 1];
    int[] keptColumns = new int[columns.length];
    float[] keptWeights = new float[weights.length];
    int at = 0;
    for (int i = 0; i < n; i++) {
      keptStarts[i] = at;
      for (int e = starts[i]; e < starts[i + 1]; e++) {
        if (weights[e] >= floor) {
          keptColumns[at] = columns[e];
          keptWeights[at++] = weights[e];
        }
      }
    }
    keptStarts[n] = at;
    return new FuzzyGraph(keptStarts, Arrays.copyOf(keptColumns, at), Arrays.copyOf(keptWeights, at));
  }

  /**
   * The fuzzy set of {@code knn}, whose rows hold the nearest other points; {@code neighbours} counts
   * the point itself as umap-learn's n_neighbors does.
   */
  static FuzzyGraph of(KnnGraph knn, int neighbours, ChunkedWork work) {
    int n = knn.size();
    int k = knn.k();
    float[] memberships = new float[n * k];
    double meanDistance = 0;
    for (float d : knn.distances()) {
      meanDistance += d;
    }
    double globalMean = meanDistance / knn.distances().length;
    double target = Math.log(neighbours) / Math.log(2);
    work.forEach(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        smoothRow(knn, i, target, globalMean, memberships);
      }
    });
    return union(knn, memberships);
  }

  private static void smoothRow(KnnGraph knn, int i, double target, double globalMean, float[] out) {
    int k = knn.k();
    int base = i * k;
    float[] dist = knn.distances();
    double rho = 0;
    double sum = 0;
    for (int s = 0; s < k; s++) {
      sum += dist[base + s];
      if (rho == 0 && dist[base + s] > 0) {
        rho = dist[base + s];
      }
    }
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double mid = 1;
    for (int step = 0; step < SEARCH_STEPS; step++) {
      double psum = 0;
      for (int s = 0; s < k; s++) {
        double d = dist[base + s] - rho;
        psum += d > 0 ? Math.exp(-d / mid) : 1;
      }
      if (Math.abs(psum - target) < TOLERANCE) {
        break;
      }
      if (psum > target) {
        hi = mid;
        mid = (lo + hi) / 2;
      } else {
        lo = mid;
        mid = hi == Double.POSITIVE_INFINITY ? mid * 2 : (lo + hi) / 2;
      }
    }
    // umap-learn's floor; its mean also counts the point itself at distance 0
    double mean = rho > 0 ? sum / (k + 1) : globalMean;
    double sigma = Math.max(mid, MIN_K_DIST_SCALE * mean);
    for (int s = 0; s < k; s++) {
      double d = dist[base + s] - rho;
      out[base + s] = d <= 0 || sigma == 0 ? 1f : (float) Math.exp(-d / sigma);
    }
  }

  /** Both directions of every edge merged into symmetric rows with {@code a + b - a*b}. */
  private static FuzzyGraph union(KnnGraph knn, float[] memberships) {
    int n = knn.size();
    int k = knn.k();
    int[] idx = knn.indices();
    int[] reverseCounts = new int[n + 1];
    for (int j : idx) {
      reverseCounts[j + 1]++;
    }
    for (int i = 0; i < n; i++) {
      reverseCounts[i + 1] += reverseCounts[i];
    }
    int[] reverseFrom = new int[idx.length];
    float[] reverseWeight = new float[idx.length];
    int[] fill = Arrays.copyOf(reverseCounts, n);
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < k; s++) {
        int j = idx[i * k + s];
        reverseFrom[fill[j]] = i;
        reverseWeight[fill[j]++] = memberships[i * k + s];
      }
    }
    int[] starts = new int[n + 1];
    int[] columns = new int[2 * idx.length];
    float[] weights = new float[2 * idx.length];
    int at = 0;
    long[] row = new long[k];
    for (int i = 0; i < n; i++) {
      starts[i] = at;
      // forward entries sorted by column (reverse ones already are: filled in row order)
      for (int s = 0; s < k; s++) {
        row[s] = (long) idx[i * k + s] << 32 | s;
      }
      Arrays.sort(row);
      int f = 0;
      int r = reverseCounts[i];
      int rEnd = reverseCounts[i + 1];
      while (f < k || r < rEnd) {
        int fc = f < k ? (int) (row[f] >>> 32) : Integer.MAX_VALUE;
        int rc = r < rEnd ? reverseFrom[r] : Integer.MAX_VALUE;
        double a = 0;
        double b = 0;
        int column = Math.min(fc, rc);
        if (fc == column) {
          a = memberships[i * k + (int) row[f++]];
        }
        if (rc == column) {
          b = reverseWeight[r++];
        }
        float w = (float) (a + b - a * b);
        if (w > 0) {
          columns[at] = column;
          weights[at++] = w;
        }
      }
    }
    starts[n] = at;
    return new FuzzyGraph(starts, Arrays.copyOf(columns, at), Arrays.copyOf(weights, at));
  }
}
