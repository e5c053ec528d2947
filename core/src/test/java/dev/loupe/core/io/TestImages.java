package dev.loupe.core.io;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Builds small test images in memory. */
final class TestImages {
  private TestImages() {}

  /** An RGB image, blue, with a red {@code w/4 x h/4} block in its top-left corner. */
  static BufferedImage redCorner(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 4, height / 4);
    g.dispose();
    return image;
  }

  /**
   * An RGB image of noise: it compresses worse than a photo, so its JPEG is large (about 250 KB at
   * 640 x 480).
   */
  static BufferedImage noise(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return image;
  }

  static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JPEG with an APP1 Exif segment, IFD0 holding only the orientation, right after SOI. */
  static byte[] withExifOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    if (littleEndian) {
      write(tiff, 'I', 'I', 42, 0, 8, 0, 0, 0); // header, IFD0 at 8
      write(tiff, 1, 0); // one entry
      write(tiff, 0x12, 0x01, 3, 0, 1, 0, 0, 0, orientation, 0, 0, 0); // 274 SHORT x1
      write(tiff, 0, 0, 0, 0); // no next IFD
    } else {
      write(tiff, 'M', 'M', 0, 42, 0, 0, 0, 8);
      write(tiff, 0, 1);
      write(tiff, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0);
      write(tiff, 0, 0, 0, 0);
    }
    byte[] body = tiff.toByteArray();
    int length = 2 + 6 + body.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    write(out, 0xFF, 0xE1, length >> 8, length & 0xFF, 'E', 'x', 'i', 'f', 0, 0);
    out.write(body, 0, body.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, int... bytes) {
    for (int b : bytes) {
      out.write(b);
    }
  }
}
