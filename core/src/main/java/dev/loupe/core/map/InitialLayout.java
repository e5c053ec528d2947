package dev.loupe.core.map;

/**
 * Where SGD starts: each component on its own first two principal axes (umap-learn's "pca" init),
 * scaled to 0..10 on both axes as umap-learn scales any start, with a jitter of 1e-4 fixed by the seed
 * so that equal vectors do not start on one spot.
 */
final class InitialLayout {
  /** Components' covariance is taken from at most this many of their points. */
  private static final int COVARIANCE_ROWS = 4096;
  private static final int POWER_STEPS = 100;

  private InitialLayout() {}

  /** x and y of every point, interleaved. */
  static float[] of(Vectors vectors, Components components, long seed, ChunkedWork work) {
    float[] embedding = new float[2 * vectors.size()];
    work.forEach(components.count(), 1, (from, to) -> {
      for (int c = from; c < to; c++) {
        place(vectors, components, c, seed, embedding);
      }
    });
    return embedding;
  }

  private static void place(Vectors vectors, Components components, int c, long seed, float[] embedding) {
    int dims = vectors.dims();
    float[] data = vectors.data();
    int start = components.start(c);
    int size = components.size(c);
    int[] members = components.members();
    double[] mean = new double[dims];
    for (int s = 0; s < size; s++) {
      int base = members[start + s] * dims;
      for (int d = 0; d < dims; d++) {
        mean[d] += data[base + d];
      }
    }
    for (int d = 0; d < dims; d++) {
      mean[d] /= size;
    }
    double[][] axes = principalAxes(vectors, members, start, size, mean);
    double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] projected = new double[2 * size];
    for (int s = 0; s < size; s++) {
      int base = members[start + s] * dims;
      for (int axis = 0; axis < 2; axis++) {
        double v = 0;
        for (int d = 0; d < dims; d++) {
          v += axes[axis][d] * (data[base + d] - mean[d]);
        }
        projected[2 * s + axis] = v;
        min[axis] = Math.min(min[axis], v);
        max[axis] = Math.max(max[axis], v);
      }
    }
    for (int s = 0; s < size; s++) {
      int point = members[start + s];
      long h = LayoutOptimizer.mix(seed ^ 0x5DEECE66DL ^ (point + 1) * 0x9E3779B97F4A7C15L);
      for (int axis = 0; axis < 2; axis++) {
        double range = max[axis] - min[axis];
        double v = range > 0 ? 10 * (projected[2 * s + axis] - min[axis]) / range : 0;
        double jitter = ((axis == 0 ? h >>> 40 : (h >>> 16) & 0xFFFFFF) / (double) (1 << 24) - 0.5) * 2e-4;
        embedding[2 * point + axis] = (float) (v + jitter);
      }
    }
  }

  /** The two leading eigenvectors of the component's covariance, by block power iteration. */
  private static double[][] principalAxes(Vectors vectors, int[] members, int start, int size, double[] mean) {
    int dims = vectors.dims();
    float[] data = vectors.data();
    int rows = Math.min(size, COVARIANCE_ROWS);
    double[][] cov = new double[dims][dims];
    double[] centred = new double[dims];
    for (int r = 0; r < rows; r++) {
      int base = members[start + (int) ((long) r * size / rows)] * dims;
      for (int d = 0; d < dims; d++) {
        centred[d] = data[base + d] - mean[d];
      }
      for (int p = 0; p < dims; p++) {
        double cp = centred[p];
        double[] row = cov[p];
        for (int q = p; q < dims; q++) {
          row[q] += cp * centred[q];
        }
      }
    }
    for (int p = 0; p < dims; p++) {
      for (int q = 0; q < p; q++) {
        cov[p][q] = cov[q][p];
      }
    }
    double[][] axes = new double[2][dims];
    for (int d = 0; d < dims; d++) {
      axes[0][d] = 1.0 / Math.sqrt(dims) * (1 + 0.01 * d);
      axes[1][d] = d % 2 == 0 ? 1 : -1;
    }
    orthonormalise(axes);
    double[][] next = new double[2][dims];
    for (int step = 0; step < POWER_STEPS; step++) {
      for (int axis = 0; axis < 2; axis++) {
        for (int p = 0; p < dims; p++) {
          double s = 0;
          double[] row = cov[p];
          for (int q = 0; q < dims; q++) {
            s += row[q] * axes[axis][q];
          }
          next[axis][p] = s;
        }
      }
      double[][] t = axes;
      axes = next;
      next = t;
      orthonormalise(axes);
    }
    return axes;
  }

  /** Gram-Schmidt on two vectors; a vector that vanishes becomes a unit axis. */
  private static void orthonormalise(double[][] v) {
    normalise(v[0], 0);
    double dot = 0;
    for (int d = 0; d < v[1].length; d++) {
      dot += v[0][d] * v[1][d];
    }
    for (int d = 0; d < v[1].length; d++) {
      v[1][d] -= dot * v[0][d];
    }
    normalise(v[1], Math.min(1, v[1].length - 1));
  }

  private static void normalise(double[] v, int fallbackAxis) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm < 1e-300) {
      java.util.Arrays.fill(v, 0);
      v[fallbackAxis] = 1;
      return;
    }
    for (int d = 0; d < v.length; d++) {
      v[d] /= norm;
    }
  }
}
