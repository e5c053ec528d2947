package dev.loupe.core.inference;

/**
 * An 8-bit, 3-channel picture as OpenCV holds one: rows top to bottom, pixels as interleaved B, G, R
 * bytes, no padding. The array is shared, not copied (it is a working buffer of the pipeline).
 */
public record BgrImage(int width, int height, byte[] pixels) {
  public BgrImage {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
    if (pixels.length != width * height * 3) {
      throw new IllegalArgumentException(
          "a " + width + "x" + height + " BGR image needs " + (width * height * 3) + " bytes, got "
              + pixels.length);
    }
  }

  /** An image of one colour. */
  public static BgrImage filled(int width, int height, int b, int g, int r) {
    byte[] pixels = new byte[width * height * 3];
    for (int i = 0; i < pixels.length; i += 3) {
      pixels[i] = (byte) b;
      pixels[i + 1] = (byte) g;
      pixels[i + 2] = (byte) r;
    }
    return new BgrImage(width, height, pixels);
  }

  /** One channel (0 blue, 1 green, 2 red) of a pixel, 0..255. */
  public int get(int x, int y, int channel) {
    return pixels[(y * width + x) * 3 + channel] & 0xff;
  }
}
