package dev.loupe.core.map;

import java.util.SplittableRandom;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Reduces vectors to their first principal components: the covariance of the centred rows by Smile's
 * {@code Matrix.ata} (OpenBLAS) and its eigenvectors by Smile's {@code eigen} (LAPACK), the steps of
 * Smile's covariance PCA without its per-element copies. The components are fitted on
 * at most {@link #FIT_ROWS} rows drawn by the seed (plenty for 50 components of a few hundred
 * dimensions); every row is then projected.
 */
final class PcaReduction {
  static final int FIT_ROWS = 20_000;

  private PcaReduction() {}

  /** {@code vectors} projected on their first {@code components} principal components. */
  static Vectors reduce(Vectors vectors, int components, long seed, ChunkedWork work) {
    int n = vectors.size();
    int dims = vectors.dims();
    float[] data = vectors.data();
    int[] rows = fitRows(n, seed);
    double[] mean = new double[dims];
    for (int row : rows) {
      for (int d = 0; d < dims; d++) {
        mean[d] += data[row * dims + d];
      }
    }
    for (int d = 0; d < dims; d++) {
      mean[d] /= rows.length;
    }
    double[][] centred = new double[rows.length][dims];
    for (int r = 0; r < rows.length; r++) {
      for (int d = 0; d < dims; d++) {
        centred[r][d] = data[rows[r] * dims + d] - mean[d];
      }
    }
    Matrix covariance = Matrix.of(centred).ata();
    covariance.uplo(UPLO.LOWER);
    Matrix vectorsOfCovariance = covariance.eigen(false, true, true).sort().Vr;
    float[] axes = new float[components * dims];
    float[] centre = new float[dims];
    for (int d = 0; d < dims; d++) {
      centre[d] = (float) mean[d];
      for (int c = 0; c < components; c++) {
        axes[c * dims + d] = (float) vectorsOfCovariance.get(d, c);
      }
    }
    float[] out = new float[n * components];
    work.forEach(n, (from, to) -> {
      float[] row = new float[dims];
      for (int i = from; i < to; i++) {
        for (int d = 0; d < dims; d++) {
          row[d] = data[i * dims + d] - centre[d];
        }
        for (int c = 0; c < components; c++) {
          out[i * components + c] = dot(axes, c * dims, row);
        }
      }
    });
    return new Vectors(out, components);
  }

  private static float dot(float[] axes, int base, float[] row) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < row.length; d += 4) {
      s0 += axes[base + d] * row[d];
      s1 += axes[base + d + 1] * row[d + 1];
      s2 += axes[base + d + 2] * row[d + 2];
      s3 += axes[base + d + 3] * row[d + 3];
    }
    for (; d < row.length; d++) {
      s0 += axes[base + d] * row[d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** All rows when there are few, else {@link #FIT_ROWS} of them drawn without repeats, in order. */
  private static int[] fitRows(int n, long seed) {
    if (n <= FIT_ROWS) {
      int[] all = new int[n];
      for (int i = 0; i < n; i++) {
        all[i] = i;
      }
      return all;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < FIT_ROWS; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] chosen = java.util.Arrays.copyOf(order, FIT_ROWS);
    java.util.Arrays.sort(chosen);
    return chosen;
  }
}
