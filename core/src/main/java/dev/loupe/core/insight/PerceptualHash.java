package dev.loupe.core.insight;

/**
 * The DCT perceptual hash (pHash): the 8 x 8 lowest frequencies of the 2-D DCT-II of a small grey
 * picture, one bit per coefficient set when it is above their median (the DC coefficient, which only
 * says how bright the picture is, is left out of the median and its bit is always 0). Resizing and
 * re-encoding change few bits; another picture changes about half.
 */
public final class PerceptualHash {
  private static final int LOW = 8;

  private PerceptualHash() {}

  /** The hash of a {@code side x side} grey picture ({@code grey}, row by row). */
  public static long of(float[] grey, int side) {
    if (grey.length != side * side || side < LOW) {
      throw new IllegalArgumentException("a " + side + " x " + side + " picture of at least " + LOW + " per side");
    }
    double[][] cos = new double[LOW][side];
    for (int u = 0; u < LOW; u++) {
      for (int x = 0; x < side; x++) {
        cos[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * side));
      }
    }
    double[][] rows = new double[side][LOW];
    for (int y = 0; y < side; y++) {
      for (int u = 0; u < LOW; u++) {
        double s = 0;
        for (int x = 0; x < side; x++) {
          s += grey[y * side + x] * cos[u][x];
        }
        rows[y][u] = s;
      }
    }
    double[] coefficients = new double[LOW * LOW];
    for (int v = 0; v < LOW; v++) {
      for (int u = 0; u < LOW; u++) {
        double s = 0;
        for (int y = 0; y < side; y++) {
          s += rows[y][u] * cos[v][y];
        }
        coefficients[v * LOW + u] = s;
      }
    }
    double[] ac = java.util.Arrays.copyOfRange(coefficients, 1, coefficients.length);
    java.util.Arrays.sort(ac);
    double median = ac[ac.length / 2];
    long hash = 0;
    for (int i = 1; i < coefficients.length; i++) {
      if (coefficients[i] > median) {
        hash |= 1L << i;
      }
    }
    return hash;
  }

  /** How many bits two hashes differ in, 0 to 64. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
