package dev.loupe.core.inference;

/**
 * Bilinear resize with PIL's antialiasing ({@code Image.resize(..., BILINEAR)}): a triangle filter
 * whose support grows with the reduction, normalised weights in PIL's 22-bit fixed point, a
 * horizontal then a vertical pass, each rounded to 8 bits. Used for classification inputs, which
 * Ultralytics prepares with PIL (through torchvision's Resize).
 */
final class AntialiasedResize {
  private AntialiasedResize() {}

  static BgrImage resize(BgrImage src, int dstW, int dstH) {
    int srcW = src.width();
    int srcH = src.height();
    Taps xs = taps(srcW, dstW);
    Taps ys = taps(srcH, dstH);
    byte[] s = src.pixels();
    byte[] mid = new byte[dstW * srcH * 3];
    for (int y = 0; y < srcH; y++) {
      int srcRow = y * srcW * 3;
      int midRow = y * dstW * 3;
      for (int x = 0; x < dstW; x++) {
        for (int c = 0; c < 3; c++) {
          long sum = HALF;
          for (int k = 0; k < xs.count[x]; k++) {
            sum += (long) xs.weights[x][k] * (s[srcRow + (xs.first[x] + k) * 3 + c] & 0xff);
          }
          mid[midRow + x * 3 + c] = clip8(sum);
        }
      }
    }
    byte[] out = new byte[dstW * dstH * 3];
    int stride = dstW * 3;
    for (int y = 0; y < dstH; y++) {
      for (int i = 0; i < stride; i++) {
        long sum = HALF;
        for (int k = 0; k < ys.count[y]; k++) {
          sum += (long) ys.weights[y][k] * (mid[(ys.first[y] + k) * stride + i] & 0xff);
        }
        out[y * stride + i] = clip8(sum);
      }
    }
    return new BgrImage(dstW, dstH, out);
  }

  private static final int PRECISION_BITS = 32 - 8 - 2;
  private static final long HALF = 1L << (PRECISION_BITS - 1);

  private record Taps(int[] first, int[] count, int[][] weights) {}

  /** PIL's {@code precompute_coeffs} for the bilinear (triangle) filter of support 1. */
  private static Taps taps(int in, int out) {
    double scale = (double) in / out;
    double filterScale = Math.max(scale, 1.0);
    double support = filterScale;
    int[] first = new int[out];
    int[] count = new int[out];
    int[][] weights = new int[out][];
    for (int i = 0; i < out; i++) {
      double centre = (i + 0.5) * scale;
      int xmin = Math.max(0, (int) (centre - support + 0.5));
      int xmax = Math.min(in, (int) (centre + support + 0.5)) - xmin;
      double[] w = new double[Math.max(xmax, 0)];
      double total = 0;
      for (int k = 0; k < w.length; k++) {
        double t = Math.abs((k + xmin - centre + 0.5) / filterScale);
        w[k] = t < 1 ? 1 - t : 0;
        total += w[k];
      }
      int[] fixed = new int[w.length];
      for (int k = 0; k < w.length; k++) {
        double normalised = total != 0 ? w[k] / total : w[k];
        fixed[k] = (int) (normalised < 0 ? -0.5 + normalised * (1 << PRECISION_BITS)
            : 0.5 + normalised * (1 << PRECISION_BITS));
      }
      first[i] = xmin;
      count[i] = w.length;
      weights[i] = fixed;
    }
    return new Taps(first, count, weights);
  }

  private static byte clip8(long value) {
    long v = value >> PRECISION_BITS;
    return (byte) (v < 0 ? 0 : Math.min(v, 255));
  }
}
