package dev.loupe.core.map;

import java.util.SplittableRandom;
import smile.feature.extraction.PCA;

/**
 * Reduces vectors to their first principal components with Smile's PCA. The components are fitted on
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
    int[] rows = fitRows(n, seed);
    double[][] sample = new double[rows.length][dims];
    for (int r = 0; r < rows.length; r++) {
      int base = rows[r] * dims;
      for (int d = 0; d < dims; d++) {
        sample[r][d] = vectors.data()[base + d];
      }
    }
    PCA pca = PCA.fit(sample).getProjection(components);
    double[] center = pca.center();
    double[][] projection = pca.projection.toArray();
    float[] out = new float[n * components];
    work.forEach(n, (from, to) -> {
      double[] centred = new double[dims];
      for (int i = from; i < to; i++) {
        int base = i * dims;
        for (int d = 0; d < dims; d++) {
          centred[d] = vectors.data()[base + d] - center[d];
        }
        for (int c = 0; c < components; c++) {
          double[] axis = projection[c];
          double s = 0;
          for (int d = 0; d < dims; d++) {
            s += axis[d] * centred[d];
          }
          out[i * components + c] = (float) s;
        }
      }
    });
    return new Vectors(out, components);
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
