package dev.loupe.core.io;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes JPEG thumbnails: decodes with source subsampling (never more pixels than the thumbnail
 * needs), turns the picture upright by its EXIF orientation, scales it to fit and flattens any
 * transparency onto white. Thread-safe.
 */
public final class Thumbnailer {
  public static final int DEFAULT_MAX_SIDE = 256;
  private static final float QUALITY = 0.85f;

  private final ImageProbe probe;

  public Thumbnailer() {
    this(new ImageProbe());
  }

  public Thumbnailer(ImageProbe probe) {
    this.probe = probe;
  }

  public void writeThumbnail(Path image, Path target) throws IOException {
    writeThumbnail(image, target, DEFAULT_MAX_SIDE);
  }

  /**
   * Writes a JPEG of {@code image} whose longer side is {@code maxSide} (smaller images keep their
   * size) to {@code target}, atomically: readers never see a half-written file.
   *
   * @throws IOException with the reason when the image cannot be decoded
   */
  public void writeThumbnail(Path image, Path target, int maxSide) throws IOException {
    if (maxSide < 1) {
      throw new IllegalArgumentException("maxSide must be positive: " + maxSide);
    }
    int orientation = probe.probe(image).orientation();
    BufferedImage decoded = decode(image, maxSide);
    writeAtomically(render(decoded, orientation, maxSide), target);
  }

  private static BufferedImage decode(Path image, int maxSide) throws IOException {
    String name = image.getFileName().toString();
    try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("cannot decode " + name + ": not an image format Loupe can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
        int step = Math.max(1, longSide / maxSide); // decoded long side stays >= maxSide
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot decode " + name + ": " + e.getMessage(), e);
      } finally {
        reader.dispose();
      }
    }
  }

  /** Orients, scales (bilinear) and flattens onto white in one drawing pass, into plain RGB. */
  static BufferedImage render(BufferedImage source, int orientation, int maxSide) {
    int w = source.getWidth();
    int h = source.getHeight();
    double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
    int outW = Math.max(1, (int) Math.round(w * scale));
    int outH = Math.max(1, (int) Math.round(h * scale));
    boolean transposed = orientation >= 5 && orientation <= 8;
    BufferedImage out =
        new BufferedImage(
            transposed ? outH : outW, transposed ? outW : outH, BufferedImage.TYPE_INT_RGB);
    AffineTransform transform = orient(orientation, outW, outH);
    transform.scale((double) outW / w, (double) outH / h);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, transform, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * The transform that turns a {@code w x h} picture stored with the given EXIF orientation
   * upright: 2 mirror, 3 half turn, 4 flip, 5 transpose, 6 quarter turn clockwise, 7 transverse, 8
   * quarter turn anticlockwise.
   */
  static AffineTransform orient(int orientation, int w, int h) {
    // AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y +
    // m12
    return switch (orientation) {
      case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
      case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
      case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
      case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
      case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
      case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
      case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
      default -> new AffineTransform();
    };
  }

  private static void writeAtomically(BufferedImage image, Path target) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      writeJpeg(image, temp);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void writeJpeg(BufferedImage image, Path file) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
