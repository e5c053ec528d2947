package dev.loupe.core.map;

import java.util.SplittableRandom;

/**
 * k-means clusters of a map's points: k-means++ seeding from the seed's stream, then Lloyd's
 * iterations until no point changes cluster (at most 100). Clusters are numbered in the order their
 * first point appears; when the points hold fewer distinct values than {@code k}, fewer clusters
 * come out. Written here rather than taken from Smile, whose k-means draws from a process-wide random
 * generator (see docs/adr/0011-umap-layout.md).
 */
public final class KMeansClusterer implements Clusterer {
  private static final int MAX_ITERATIONS = 100;

  @Override
  public int[] cluster(float[][] points, int k, long seed) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    int n = points.length;
    if (n == 0) {
      return new int[0];
    }
    int dims = points[0].length;
    for (int i = 0; i < n; i++) {
      if (points[i].length != dims) {
        throw new IllegalArgumentException(
            "points differ in length: point 0 has " + dims + " values, point " + i + " has " + points[i].length);
      }
      for (float v : points[i]) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("point " + i + " holds " + v);
        }
      }
    }
    double[][] centres = seedCentres(points, Math.min(k, n), new SplittableRandom(seed));
    int[] assignment = new int[n];
    java.util.Arrays.fill(assignment, -1);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int nearest = nearest(points[i], centres);
        if (nearest != assignment[i]) {
          assignment[i] = nearest;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      moveCentres(points, assignment, centres);
    }
    return numberedByFirstPoint(assignment, centres.length);
  }

  /** k-means++: each next centre drawn with probability in proportion to squared distance. */
  private static double[][] seedCentres(float[][] points, int k, SplittableRandom random) {
    int n = points.length;
    double[][] centres = new double[k][];
    centres[0] = toDouble(points[random.nextInt(n)]);
    double[] nearest = new double[n];
    for (int i = 0; i < n; i++) {
      nearest[i] = distanceSquared(points[i], centres[0]);
    }
    int count = 1;
    while (count < k) {
      double total = 0;
      for (double d : nearest) {
        total += d;
      }
      if (total <= 0) {
        break;
      }
      double target = random.nextDouble() * total;
      int chosen = n - 1;
      for (int i = 0; i < n; i++) {
        target -= nearest[i];
        if (target < 0 && nearest[i] > 0) {
          chosen = i;
          break;
        }
      }
      while (nearest[chosen] <= 0) {
        chosen--;
      }
      centres[count] = toDouble(points[chosen]);
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], distanceSquared(points[i], centres[count]));
      }
      count++;
    }
    return java.util.Arrays.copyOf(centres, count);
  }

  /** Each centre to the mean of its points; a centre left without points stays where it was. */
  private static void moveCentres(float[][] points, int[] assignment, double[][] centres) {
    int dims = centres[0].length;
    double[][] sums = new double[centres.length][dims];
    int[] counts = new int[centres.length];
    for (int i = 0; i < points.length; i++) {
      int c = assignment[i];
      counts[c]++;
      for (int d = 0; d < dims; d++) {
        sums[c][d] += points[i][d];
      }
    }
    for (int c = 0; c < centres.length; c++) {
      if (counts[c] > 0) {
        for (int d = 0; d < dims; d++) {
          centres[c][d] = sums[c][d] / counts[c];
        }
      }
    }
  }

  private static int[] numberedByFirstPoint(int[] assignment, int clusters) {
    int[] number = new int[clusters];
    java.util.Arrays.fill(number, -1);
    int next = 0;
    int[] out = new int[assignment.length];
    for (int i = 0; i < assignment.length; i++) {
      if (number[assignment[i]] < 0) {
        number[assignment[i]] = next++;
      }
      out[i] = number[assignment[i]];
    }
    return out;
  }

  private static int nearest(float[] point, double[][] centres) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centres.length; c++) {
      double d = distanceSquared(point, centres[c]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  private static double distanceSquared(float[] point, double[] centre) {
    double s = 0;
    for (int d = 0; d < centre.length; d++) {
      double e = point[d] - centre[d];
      s += e * e;
    }
    return s;
  }

  private static double[] toDouble(float[] point) {
    double[] out = new double[point.length];
    for (int d = 0; d < point.length; d++) {
      out[d] = point[d];
    }
    return out;
  }
}
