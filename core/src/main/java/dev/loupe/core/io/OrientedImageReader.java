package dev.loupe.core.io;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file at full size and turns it upright by its EXIF orientation (as OpenCV's
 * imread does, and ImageIO alone does not), ready for a model. Thread-safe.
 */
public final class OrientedImageReader {
  /** Most pixels an image may have to be decoded (four bytes a pixel must fit one Java array). */
  public static final long MAX_PIXELS = 500_000_000L;

  private final ImageProbe probe;

  public OrientedImageReader() {
    this(new ImageProbe());
  }

  public OrientedImageReader(ImageProbe probe) {
    this.probe = probe;
  }

  /**
   * @throws IOException with the reason when the file cannot be decoded
   */
  public BufferedImage read(Path file) throws IOException {
    String name = file.getFileName().toString();
    ImageInfo info = probe.probe(file);
    requireDecodable(info, name);
    BufferedImage decoded;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("cannot decode " + name + ": not an image format Loupe can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        decoded = reader.read(0);
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot decode " + name + ": " + e.getMessage(), e);
      } finally {
        reader.dispose();
      }
    }
    int orientation = info.orientation();
    return orientation > 1 && orientation <= 8 ? upright(decoded, orientation) : decoded;
  }

  /** A one-line refusal of an image too large to decode, in place of an array size overflow. */
  public static void requireDecodable(ImageInfo info, String name) throws IOException {
    long pixels = (long) info.width() * info.height();
    if (pixels > MAX_PIXELS) {
      throw new IOException("cannot decode " + name + ": " + info.width() + "x" + info.height() + " is "
          + pixels / 1_000_000 + " megapixels, more than the " + MAX_PIXELS / 1_000_000 + " Loupe decodes");
    }
  }

  /** The picture as it is meant to be seen, pixel for pixel (no resampling). */
  static BufferedImage upright(BufferedImage source, int orientation) {
    int w = source.getWidth();
    int h = source.getHeight();
    boolean transposed = orientation >= 5;
    BufferedImage out =
        new BufferedImage(transposed ? h : w, transposed ? w : h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(source, Thumbnailer.orient(orientation, w, h), null);
    } finally {
      g.dispose();
    }
    return out;
  }
}
