package dev.loupe.core.insight;

import dev.loupe.core.inference.BgrImage;

/**
 * The built-in image vector, which needs no model weights: colour, layout and gradient statistics of
 * the image shrunk to a 64 x 64 grid (aspect ratio ignored). Four blocks, each L2-normalised so that
 * each weighs the same, then the whole vector L2-normalised:
 *
 * <ol>
 *   <li>a joint RGB histogram, 4 x 4 x 4 bins, as square roots of the shares (Hellinger): which colours
 *       and how much of each, wherever they are;
 *   <li>colour layout: mean luma and two opponent colours (red-green, blue-yellow) of a 4 x 4 grid of
 *       cells: where the colours are;
 *   <li>gradient orientations: a magnitude-weighted histogram of 8 unsigned orientations in each cell
 *       of a 4 x 4 grid (HOG-like, without block normalisation): edges, stripes and their directions;
 *   <li>an 8 x 8 luma thumbnail less its mean: the coarse picture.
 * </ol>
 *
 * Deterministic: the same pixels give the same vector. It finds images that look alike as a whole
 * (copies, bursts, the same scene or background, similar colour and texture); it knows nothing of
 * what is in them (a dog on grass and a cat on grass are near; the same dog on sand is far). See
 * ADR 0012.
 */
public final class BuiltinDescriptor {
  /** The model name the built-in vectors are stored under. */
  public static final String MODEL = "builtin";
  /** The length of a built-in vector. */
  public static final int DIMENSION = 64 + 48 + 128 + 64;
  /** The grid side the image is shrunk to; the decoder may shrink it at least this far first. */
  public static final int GRID = 64;

  private static final int CELLS = 4;
  private static final int ORIENTATIONS = 8;

  private BuiltinDescriptor() {}

  /** The vector of an upright image (of any size; a larger one is only slower). */
  public static float[] describe(BgrImage image) {
    float[][] rgb = AreaSampler.rgb(image, GRID, GRID);
    float[] luma = AreaSampler.luma(rgb);
    float[] out = new float[DIMENSION];
    colourHistogram(rgb, out, 0);
    colourLayout(rgb, luma, out, 64);
    gradients(luma, out, 64 + 48);
    thumbnail(luma, out, 64 + 48 + 128);
    normalise(out, 0, 64);
    normalise(out, 64, 48);
    normalise(out, 112, 128);
    normalise(out, 240, 64);
    normalise(out, 0, DIMENSION);
    return out;
  }

  private static void colourHistogram(float[][] rgb, float[] out, int at) {
    int n = rgb[0].length;
    for (int i = 0; i < n; i++) {
      int r = bin4(rgb[0][i]);
      int g = bin4(rgb[1][i]);
      int b = bin4(rgb[2][i]);
      out[at + (r * 4 + g) * 4 + b] += 1;
    }
    for (int i = 0; i < 64; i++) {
      out[at + i] = (float) Math.sqrt(out[at + i] / n);
    }
  }

  private static int bin4(float value) {
    return Math.min(3, (int) (value / 64f));
  }

  private static void colourLayout(float[][] rgb, float[] luma, float[] out, int at) {
    int side = GRID / CELLS;
    float share = 1f / (side * side * 255f);
    for (int y = 0; y < GRID; y++) {
      for (int x = 0; x < GRID; x++) {
        int i = y * GRID + x;
        int cell = (y / side) * CELLS + x / side;
        float r = rgb[0][i];
        float g = rgb[1][i];
        float b = rgb[2][i];
        out[at + cell * 3] += luma[i] * share;
        out[at + cell * 3 + 1] += (r - g) * share;
        out[at + cell * 3 + 2] += (b - (r + g) / 2) * share;
      }
    }
  }

  private static void gradients(float[] luma, float[] out, int at) {
    int side = GRID / CELLS;
    for (int y = 1; y < GRID - 1; y++) {
      for (int x = 1; x < GRID - 1; x++) {
        float dx = luma[y * GRID + x + 1] - luma[y * GRID + x - 1];
        float dy = luma[(y + 1) * GRID + x] - luma[(y - 1) * GRID + x];
        float magnitude = (float) Math.sqrt(dx * dx + dy * dy);
        if (magnitude == 0) {
          continue;
        }
        double angle = Math.atan2(dy, dx);
        if (angle < 0) {
          angle += Math.PI;
        }
        int bin = Math.min(ORIENTATIONS - 1, (int) (angle / Math.PI * ORIENTATIONS));
        int cell = (y / side) * CELLS + x / side;
        out[at + cell * ORIENTATIONS + bin] += magnitude;
      }
    }
  }

  private static void thumbnail(float[] luma, float[] out, int at) {
    int side = GRID / 8;
    for (int y = 0; y < GRID; y++) {
      for (int x = 0; x < GRID; x++) {
        out[at + (y / side) * 8 + x / side] += luma[y * GRID + x];
      }
    }
    float mean = 0;
    for (int i = 0; i < 64; i++) {
      mean += out[at + i];
    }
    mean /= 64;
    for (int i = 0; i < 64; i++) {
      out[at + i] -= mean;
    }
  }

  /** Scales {@code length} values from {@code at} to unit L2 norm (all-zero values stay zero). */
  static void normalise(float[] v, int at, int length) {
    double sum = 0;
    for (int i = at; i < at + length; i++) {
      sum += (double) v[i] * v[i];
    }
    if (sum == 0) {
      return;
    }
    float inverse = (float) (1 / Math.sqrt(sum));
    for (int i = at; i < at + length; i++) {
      v[i] *= inverse;
    }
  }
}
