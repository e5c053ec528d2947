package dev.loupe.core.insight;

import dev.loupe.core.inference.BgrImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What duplicate finding compares of an image: a 64-bit hash of its decoded pixels (and size), equal
 * for identical pixels whatever the file; its 64-bit {@link PerceptualHash}; and a {@value #SIDE} x
 * {@value #SIDE} grey thumbnail (aspect ratio ignored) for the crop-tolerant check of {@link
 * NearDuplicates}. An unreadable image has a fingerprint that matches nothing.
 */
public record Fingerprint(boolean readable, long pixelHash, long perceptual, byte[] thumbnail) {
  /** The thumbnail's side. */
  public static final int SIDE = 32;
  /** The bins of the colour histogram: 4 x 4 x 4 levels of red, green and blue. */
  public static final int COLOUR_BINS = 64;
  /** The thumbnail's bytes: the grey picture, then the colour histogram as shares of 255. */
  public static final int BYTES = SIDE * SIDE + COLOUR_BINS;

  public Fingerprint {
    if (thumbnail.length != BYTES) {
      throw new IllegalArgumentException("a thumbnail has " + BYTES + " bytes, got " + thumbnail.length);
    }
  }

  /** The fingerprint of an image that could not be read. */
  public static Fingerprint unreadable() {
    return new Fingerprint(false, 0, 0, new byte[BYTES]);
  }

  /** The fingerprint of an upright image at its full size (every pixel counts for the pixel hash). */
  public static Fingerprint of(BgrImage image) {
    float[][] rgb = AreaSampler.rgb(image, SIDE, SIDE);
    float[] grey = AreaSampler.luma(rgb);
    byte[] thumbnail = new byte[BYTES];
    double[] histogram = new double[COLOUR_BINS];
    for (int i = 0; i < grey.length; i++) {
      thumbnail[i] = (byte) Math.min(255, Math.round(grey[i]));
      addSoftly(histogram, rgb[0][i], rgb[1][i], rgb[2][i]);
    }
    for (int bin = 0; bin < COLOUR_BINS; bin++) {
      thumbnail[SIDE * SIDE + bin] = (byte) Math.round(histogram[bin] * 255.0 / grey.length);
    }
    return new Fingerprint(true, pixelHash(image), PerceptualHash.of(grey, SIDE), thumbnail);
  }

  /**
   * Adds one pixel to the histogram shared between the 2 x 2 x 2 nearest bin centres (trilinear), so
   * that a colour near a bin's edge does not jump bins when re-encoding shifts it a little.
   */
  private static void addSoftly(double[] histogram, float r, float g, float b) {
    int[] lo = new int[3];
    double[] up = new double[3];
    float[] c = {r, g, b};
    for (int k = 0; k < 3; k++) {
      double position = Math.min(3, Math.max(0, c[k] / 64.0 - 0.5));
      lo[k] = Math.min(2, (int) position);
      up[k] = position - lo[k];
    }
    for (int corner = 0; corner < 8; corner++) {
      double weight = 1;
      int bin = 0;
      for (int k = 0; k < 3; k++) {
        boolean high = (corner >> k & 1) == 1;
        weight *= high ? up[k] : 1 - up[k];
        bin = bin * 4 + lo[k] + (high ? 1 : 0);
      }
      histogram[bin] += weight;
    }
  }

  /** A 64-bit hash of the size and the BGR bytes (not cryptographic; images are not adversaries here). */
  static long pixelHash(BgrImage image) {
    byte[] p = image.pixels();
    ByteBuffer words = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
    long h = 0x9E3779B97F4A7C15L ^ ((long) image.width() << 32 | image.height());
    int i = 0;
    for (; i + 8 <= p.length; i += 8) {
      h = mix(h ^ words.getLong(i));
    }
    for (; i < p.length; i++) {
      h = mix(h ^ (p[i] & 0xff));
    }
    return mix(h ^ p.length);
  }

  /** The finaliser of SplitMix64 after a multiply, so that every input bit reaches every output bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 29)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 32);
  }

  /** The grey thumbnail's value at ({@code x}, {@code y}), 0..255. */
  public int grey(int x, int y) {
    return thumbnail[y * SIDE + x] & 0xff;
  }

  /** The mean of every column of the grey thumbnail, left to right. */
  float[] columnProfile() {
    float[] out = new float[SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        out[x] += grey(x, y) / (float) SIDE;
      }
    }
    return out;
  }

  /** The mean of every row of the grey thumbnail, top to bottom. */
  float[] rowProfile() {
    float[] out = new float[SIDE];
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        out[y] += grey(x, y) / (float) SIDE;
      }
    }
    return out;
  }

  /** The standard deviation of the grey thumbnail. */
  static double greyDeviation(Fingerprint f) {
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < SIDE * SIDE; i++) {
      int v = f.thumbnail[i] & 0xff;
      sum += v;
      squares += (double) v * v;
    }
    double mean = sum / (SIDE * SIDE);
    return Math.sqrt(Math.max(0, squares / (SIDE * SIDE) - mean * mean));
  }

  /** The overlap of two colour histograms, 0 (no colour in common) to 1 (the same shares). */
  static double colourIntersection(Fingerprint a, Fingerprint b) {
    int common = 0;
    int total = 0;
    for (int i = SIDE * SIDE; i < BYTES; i++) {
      common += Math.min(a.thumbnail[i] & 0xff, b.thumbnail[i] & 0xff);
      total += Math.max(a.thumbnail[i] & 0xff, b.thumbnail[i] & 0xff);
    }
    return total == 0 ? 1 : (double) common / Math.max(1, Math.min(total, 255));
  }
}
