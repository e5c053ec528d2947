package dev.loupe.core.insight;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Varied generated pictures and the copies a dataset picks up (resized, re-encoded, cropped), for
 * the tests and benchmarks of embeddings and duplicates: no image files need to ship.
 */
public final class SyntheticImages {
  private SyntheticImages() {}

  /**
   * A picture drawn from {@code seed}: a background (linear or radial gradient, stripes at an angle,
   * a checkerboard or smooth value noise) under 3 to 12 shapes (ovals, rectangles, polygons, thick
   * lines) of random colours, some translucent.
   */
  public static BufferedImage picture(long seed, int width, int height) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      background(g, image, random, width, height);
      int shapes = 3 + random.nextInt(10);
      for (int i = 0; i < shapes; i++) {
        g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 128 + random.nextInt(128)));
        int x = random.nextInt(width);
        int y = random.nextInt(height);
        int w = width / 12 + random.nextInt(width / 3);
        int h = height / 12 + random.nextInt(height / 3);
        switch (random.nextInt(4)) {
          case 0 -> g.fillOval(x - w / 2, y - h / 2, w, h);
          case 1 -> g.fillRect(x - w / 2, y - h / 2, w, h);
          case 2 -> {
            Polygon p = new Polygon();
            int corners = 3 + random.nextInt(4);
            for (int c = 0; c < corners; c++) {
              p.addPoint(x + random.nextInt(w) - w / 2, y + random.nextInt(h) - h / 2);
            }
            g.fillPolygon(p);
          }
          default -> {
            g.setStroke(new BasicStroke(2 + random.nextInt(Math.max(1, width / 40))));
            g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
          }
        }
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void background(Graphics2D g, BufferedImage image, Random random, int width, int height) {
    Color a = new Color(random.nextInt(0xFFFFFF));
    Color b = new Color(random.nextInt(0xFFFFFF));
    switch (random.nextInt(5)) {
      case 0 -> {
        g.setPaint(new GradientPaint(random.nextInt(width), random.nextInt(height), a,
            random.nextInt(width), random.nextInt(height), b));
        g.fillRect(0, 0, width, height);
      }
      case 1 -> {
        g.setPaint(new RadialGradientPaint(random.nextInt(width), random.nextInt(height),
            Math.max(width, height) / 2f + 1, new float[] {0f, 1f}, new Color[] {a, b}));
        g.fillRect(0, 0, width, height);
      }
      case 2 -> {
        double angle = random.nextDouble() * Math.PI;
        double period = Math.max(width, height) / (4.0 + random.nextInt(12));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            double t = 0.5 + 0.5 * Math.sin(2 * Math.PI * (x * cos + y * sin) / period);
            image.setRGB(x, y, mix(a, b, t));
          }
        }
      }
      case 3 -> {
        int cell = Math.max(2, Math.max(width, height) / (4 + random.nextInt(10)));
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            image.setRGB(x, y, ((x / cell + y / cell) & 1) == 0 ? a.getRGB() : b.getRGB());
          }
        }
      }
      default -> {
        int grid = 4 + random.nextInt(8);
        double[] noise = new double[(grid + 1) * (grid + 1)];
        for (int i = 0; i < noise.length; i++) {
          noise[i] = random.nextDouble();
        }
        for (int y = 0; y < height; y++) {
          for (int x = 0; x < width; x++) {
            double gx = (double) x / width * grid;
            double gy = (double) y / height * grid;
            int ix = (int) gx;
            int iy = (int) gy;
            double fx = smooth(gx - ix);
            double fy = smooth(gy - iy);
            double top = noise[iy * (grid + 1) + ix] * (1 - fx) + noise[iy * (grid + 1) + ix + 1] * fx;
            double bottom = noise[(iy + 1) * (grid + 1) + ix] * (1 - fx) + noise[(iy + 1) * (grid + 1) + ix + 1] * fx;
            image.setRGB(x, y, mix(a, b, top * (1 - fy) + bottom * fy));
          }
        }
      }
    }
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static int mix(Color a, Color b, double t) {
    int r = (int) Math.round(a.getRed() * (1 - t) + b.getRed() * t);
    int g = (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t);
    int bl = (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t);
    return (r << 16) | (g << 8) | bl;
  }

  /** The picture scaled by {@code scale} (bilinear), as a resized copy. */
  public static BufferedImage resized(BufferedImage image, double scale) {
    int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /**
   * The picture with {@code fraction} of its width and of its height cut away, split at random between
   * the two sides of each.
   */
  public static BufferedImage cropped(BufferedImage image, double fraction, Random random) {
    int cutX = (int) Math.round(image.getWidth() * fraction);
    int cutY = (int) Math.round(image.getHeight() * fraction);
    int left = random.nextInt(cutX + 1);
    int top = random.nextInt(cutY + 1);
    BufferedImage out =
        new BufferedImage(image.getWidth() - cutX, image.getHeight() - cutY, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, -left, -top, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The picture as JPEG bytes at {@code quality} (0..1). */
  public static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  /** The picture as PNG bytes (lossless: the same pixels). */
  public static byte[] png(BufferedImage image) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
