package dev.loupe.core.insight;

import dev.loupe.core.inference.BgrImage;

/**
 * An image shrunk to a small fixed grid by averaging the pixels that fall in each cell (a box
 * filter), ignoring its aspect ratio: one pass over the pixels, cheap next to decoding.
 */
final class AreaSampler {
  private AreaSampler() {}

  /**
   * The red, green and blue planes (0..255) of {@code image} on a {@code gw x gh} grid, row by row. A
   * cell no source pixel falls in (an image smaller than the grid) takes the pixel under its centre.
   */
  static float[][] rgb(BgrImage image, int gw, int gh) {
    int w = image.width();
    int h = image.height();
    byte[] p = image.pixels();
    float[] r = new float[gw * gh];
    float[] g = new float[gw * gh];
    float[] b = new float[gw * gh];
    int[] count = new int[gw * gh];
    int[] column = new int[w];
    for (int x = 0; x < w; x++) {
      column[x] = (int) ((long) x * gw / w);
    }
    for (int y = 0; y < h; y++) {
      int rowCell = (int) ((long) y * gh / h) * gw;
      int o = y * w * 3;
      for (int x = 0; x < w; x++, o += 3) {
        int cell = rowCell + column[x];
        b[cell] += p[o] & 0xff;
        g[cell] += p[o + 1] & 0xff;
        r[cell] += p[o + 2] & 0xff;
        count[cell]++;
      }
    }
    for (int cy = 0; cy < gh; cy++) {
      for (int cx = 0; cx < gw; cx++) {
        int cell = cy * gw + cx;
        if (count[cell] > 0) {
          float inverse = 1f / count[cell];
          r[cell] *= inverse;
          g[cell] *= inverse;
          b[cell] *= inverse;
        } else {
          int sx = Math.min(w - 1, (int) ((cx + 0.5) * w / gw));
          int sy = Math.min(h - 1, (int) ((cy + 0.5) * h / gh));
          r[cell] = image.get(sx, sy, 2);
          g[cell] = image.get(sx, sy, 1);
          b[cell] = image.get(sx, sy, 0);
        }
      }
    }
    return new float[][] {r, g, b};
  }

  /** Rec. 601 luma (0..255) of the planes {@link #rgb} returns. */
  static float[] luma(float[][] rgb) {
    float[] r = rgb[0];
    float[] g = rgb[1];
    float[] b = rgb[2];
    float[] y = new float[r.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
    }
    return y;
  }
}
