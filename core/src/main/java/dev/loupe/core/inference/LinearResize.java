package dev.loupe.core.inference;

/**
 * OpenCV's {@code cv2.resize(..., interpolation=INTER_LINEAR)} for 8-bit 3-channel images,
 * re-implemented to give the same bytes: pixel centres at half-pixel offsets, no antialiasing when
 * shrinking, the weights as 11-bit fixed point rounded from float, the horizontal pass in integers
 * and the vertical pass as OpenCV's SIMD kernel rounds it ({@code ((b0*(s0>>4))>>16 +
 * (b1*(s1>>4))>>16 + 2) >> 2}). An exact halving goes the way OpenCV sends it, to INTER_AREA (the
 * rounded mean of 2 x 2 pixels). Stateless; thread-safe.
 */
public final class LinearResize {
  private static final int COEF_BITS = 11;
  private static final int COEF_SCALE = 1 << COEF_BITS;

  private LinearResize() {}

  public static BgrImage resize(BgrImage src, int dstW, int dstH) {
    byte[] out = new byte[dstW * dstH * 3];
    resize(src, dstW, dstH, out);
    return new BgrImage(dstW, dstH, out);
  }

  /** Resizes into {@code out} ({@code dstW * dstH * 3} bytes, row-major BGR). */
  public static void resize(BgrImage src, int dstW, int dstH, byte[] out) {
    if (dstW < 1 || dstH < 1) {
      throw new IllegalArgumentException("target size must be positive, got " + dstW + "x" + dstH);
    }
    int srcW = src.width();
    int srcH = src.height();
    if (srcW == dstW && srcH == dstH) {
      System.arraycopy(src.pixels(), 0, out, 0, dstW * dstH * 3);
      return;
    }
    if (srcW == 2 * dstW && srcH == 2 * dstH) {
      halve(src, dstW, dstH, out);
      return;
    }
    int[] xofs = new int[dstW]; // first source byte of each target pixel's left neighbour
    short[] alpha = new short[dstW * 2];
    double scaleX = 1.0 / ((double) dstW / srcW);
    for (int dx = 0; dx < dstW; dx++) {
      float fx = (float) ((dx + 0.5) * scaleX - 0.5);
      int sx = (int) Math.floor(fx);
      fx -= sx;
      if (sx < 0) {
        fx = 0;
        sx = 0;
      }
      if (sx >= srcW - 1) {
        fx = 0;
        sx = srcW - 1;
      }
      xofs[dx] = sx * 3;
      alpha[dx * 2] = coefficient(1.f - fx);
      alpha[dx * 2 + 1] = coefficient(fx);
    }
    double scaleY = 1.0 / ((double) dstH / srcH);
    int rowLen = dstW * 3;
    int[] rowA = new int[rowLen];
    int[] rowB = new int[rowLen];
    int rowAIndex = -1;
    int rowBIndex = -1;
    byte[] s = src.pixels();
    for (int dy = 0; dy < dstH; dy++) {
      float fy = (float) ((dy + 0.5) * scaleY - 0.5);
      int sy = (int) Math.floor(fy);
      fy -= sy;
      int b0 = coefficient(1.f - fy);
      int b1 = coefficient(fy);
      int y0 = clamp(sy, srcH);
      int y1 = clamp(sy + 1, srcH);
      // the two horizontally resized rows, reusing what the previous target row computed
      if (y0 != rowAIndex) {
        if (y0 == rowBIndex) {
          int[] t = rowA;
          rowA = rowB;
          rowB = t;
          rowBIndex = -1;
        } else {
          horizontal(s, y0 * srcW * 3, xofs, alpha, srcW, rowA);
        }
        rowAIndex = y0;
      }
      if (y1 != rowBIndex) {
        horizontal(s, y1 * srcW * 3, xofs, alpha, srcW, rowB);
        rowBIndex = y1;
      }
      int o = dy * rowLen;
      for (int i = 0; i < rowLen; i++) {
        int v = (((b0 * (rowA[i] >> 4)) >> 16) + ((b1 * (rowB[i] >> 4)) >> 16) + 2) >> 2;
        out[o + i] = (byte) (v < 0 ? 0 : Math.min(v, 255));
      }
    }
  }

  private static void horizontal(byte[] s, int rowStart, int[] xofs, short[] alpha, int srcW, int[] row) {
    int last = (srcW - 1) * 3;
    for (int dx = 0, o = 0; dx < xofs.length; dx++, o += 3) {
      int p = rowStart + xofs[dx];
      int q = xofs[dx] == last ? p : p + 3;
      int a0 = alpha[dx * 2];
      int a1 = alpha[dx * 2 + 1];
      row[o] = (s[p] & 0xff) * a0 + (s[q] & 0xff) * a1;
      row[o + 1] = (s[p + 1] & 0xff) * a0 + (s[q + 1] & 0xff) * a1;
      row[o + 2] = (s[p + 2] & 0xff) * a0 + (s[q + 2] & 0xff) * a1;
    }
  }

  /** INTER_AREA at exactly half size: the mean of each 2 x 2 block, rounded half up. */
  private static void halve(BgrImage src, int dstW, int dstH, byte[] out) {
    byte[] s = src.pixels();
    int srcRow = src.width() * 3;
    for (int dy = 0; dy < dstH; dy++) {
      int r0 = 2 * dy * srcRow;
      int r1 = r0 + srcRow;
      int o = dy * dstW * 3;
      for (int dx = 0; dx < dstW; dx++) {
        int p = dx * 6;
        for (int c = 0; c < 3; c++) {
          int sum =
              (s[r0 + p + c] & 0xff) + (s[r0 + p + 3 + c] & 0xff) + (s[r1 + p + c] & 0xff)
                  + (s[r1 + p + 3 + c] & 0xff);
          out[o + dx * 3 + c] = (byte) ((sum + 2) >> 2);
        }
      }
    }
  }

  /** A weight as OpenCV stores it: {@code saturate_cast<short>(w * 2048)}, rounded half to even. */
  private static short coefficient(float weight) {
    return (short) Math.rint(weight * COEF_SCALE);
  }

  private static int clamp(int y, int height) {
    return y < 0 ? 0 : Math.min(y, height - 1);
  }
}
