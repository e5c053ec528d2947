package dev.loupe.core.inference;

import dev.loupe.core.io.ImageInfo;
import dev.loupe.core.io.ImageProbe;
import dev.loupe.core.io.OrientedImageReader;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes an image file into a {@link BgrImage} the way {@code cv2.imread(path, IMREAD_COLOR)} does:
 * the EXIF orientation applied, grey replicated into three channels (no gamma change), alpha
 * dropped (not blended), 16-bit samples cut to their high byte, and (for the usual YCbCr JPEG, see
 * {@link #readRgb}) an embedded ICC profile ignored as OpenCV ignores it. Works on the raster's
 * arrays, not per pixel through {@code getRGB}, for the usual JPEG and PNG types. Thread-safe.
 */
public final class ImageDecoding {
  private final ImageProbe probe;

  public ImageDecoding() {
    this(new ImageProbe());
  }

  public ImageDecoding(ImageProbe probe) {
    this.probe = probe;
  }

  /**
   * Reads the file once, decodes it and turns it upright.
   *
   * @throws IOException with a one-line reason when the file is missing or not a decodable image
   */
  public BgrImage read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    return decode(bytes, name);
  }

  /** Decodes image bytes; {@code name} is for the messages. */
  public BgrImage decode(byte[] bytes, String name) throws IOException {
    ImageInfo info = probe.probe(bytes, name);
    if (!info.isValid() && info.width() == 0) {
      throw new IOException("cannot decode " + name + ": " + info.error());
    }
    OrientedImageReader.requireDecodable(info, name);
    if (ImageProbe.isPlainYCbCrJpeg(bytes)) {
      RgbPicture fast = readRgb(bytes);
      if (fast != null) {
        return upright(fast.toBgr(), info.orientation());
      }
    }
    return upright(readOrdinary(bytes, name), info.orientation());
  }

  /** Any format ImageIO reads, through a {@code BufferedImage} (as stored, not yet upright). */
  static BgrImage readOrdinary(byte[] bytes, String name) throws IOException {
    BufferedImage image;
    // in memory: ImageIO's default for a stream is a cache file in the temp folder
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("cannot decode " + name + ": not an image format Loupe can read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        image = reader.read(0);
      } catch (IOException | RuntimeException e) {
        throw new IOException("cannot decode " + name + ": " + e.getMessage(), e);
      } finally {
        reader.dispose();
      }
    }
    return toBgr(image);
  }

  /** A picture as libjpeg's RGB bytes: three per pixel, interleaved, rows top to bottom. */
  record RgbPicture(int width, int height, byte[] rgb) {
    /** The same picture as BGR, made in this picture's array (which it then holds). */
    BgrImage toBgr() {
      for (int i = 0; i < rgb.length; i += 3) {
        byte red = rgb[i];
        rgb[i] = rgb[i + 2];
        rgb[i + 2] = red;
      }
      return new BgrImage(width, height, rgb);
    }
  }

  /**
   * A plain YCbCr JPEG ({@link ImageProbe#isPlainYCbCrJpeg}) as libjpeg converts it to RGB (the
   * tables of {@code jdcolor.c}, as in OpenCV), read straight into an RGB-ordered raster: ImageIO
   * then copies whole scan lines, where the ordinary read reverses every pixel's bands into BGR. An
   * embedded ICC profile is left out before decoding, so it is ignored as OpenCV ignores it
   * (ImageIO would convert the colours by it). Null when this road does not serve: the caller then
   * reads the file the ordinary way, which also words any error.
   */
  static RgbPicture readRgb(byte[] bytes) {
    byte[] jpeg = ImageProbe.jpegWithoutIccProfile(bytes);
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
      if (!readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        WritableRaster raster =
            Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, Math.multiplyExact(w, 3), 3, RGB_BANDS, null);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(new BufferedImage(RGB, raster, false, null));
        reader.read(0, param);
        return new RgbPicture(w, h, ((DataBufferByte) raster.getDataBuffer()).getData());
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static final int[] RGB_BANDS = {0, 1, 2};
  private static final ColorModel RGB =
      new ComponentColorModel(
          ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

  /**
   * {@link #readRgb} of a plain YCbCr JPEG whose header is sound and that is stored upright, for a
   * caller that converts while it copies; null for any other file (decode that as usual).
   */
  RgbPicture uprightRgb(byte[] bytes, String name) {
    if (!ImageProbe.isPlainYCbCrJpeg(bytes)) {
      return null;
    }
    ImageInfo info = probe.probe(bytes, name);
    if (!info.isValid() || info.orientation() > 1 || (long) info.width() * info.height() > OrientedImageReader.MAX_PIXELS) {
      return null; // decode() then reads it, or words why it cannot
    }
    return readRgb(bytes);
  }

  /** The pixels of a decoded image as BGR bytes (shared with the image when it already is one). */
  public static BgrImage toBgr(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    Raster raster = image.getRaster();
    switch (image.getType()) {
      case BufferedImage.TYPE_3BYTE_BGR -> {
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        if (isPacked(raster, 3) && data.length == w * h * 3) {
          return new BgrImage(w, h, data);
        }
      }
      case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
        if (isWhole(raster)) {
          int[] data = ((DataBufferInt) raster.getDataBuffer()).getData();
          return fromInts(w, h, data);
        }
      }
      case BufferedImage.TYPE_4BYTE_ABGR -> {
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        if (isPacked(raster, 4) && data.length == w * h * 4) {
          byte[] out = new byte[w * h * 3];
          for (int i = 0, o = 0; o < out.length; i += 4, o += 3) {
            out[o] = data[i + 1];
            out[o + 1] = data[i + 2];
            out[o + 2] = data[i + 3];
          }
          return new BgrImage(w, h, out);
        }
      }
      case BufferedImage.TYPE_BYTE_GRAY -> {
        byte[] data = ((DataBufferByte) raster.getDataBuffer()).getData();
        if (isPacked(raster, 1) && data.length == w * h) {
          return grey(w, h, i -> data[i]);
        }
      }
      case BufferedImage.TYPE_USHORT_GRAY -> {
        short[] data = ((DataBufferUShort) raster.getDataBuffer()).getData();
        if (isPacked(raster, 1) && data.length == w * h) {
          return grey(w, h, i -> (byte) ((data[i] & 0xffff) >> 8));
        }
      }
      default -> {}
    }
    // palettes, 16-bit colour and other layouts: through the colour model, one row at a time
    byte[] out = new byte[w * h * 3];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
        int argb = row[x];
        out[o] = (byte) argb;
        out[o + 1] = (byte) (argb >> 8);
        out[o + 2] = (byte) (argb >> 16);
      }
    }
    return new BgrImage(w, h, out);
  }

  /**
   * The picture turned upright by its EXIF orientation (1 to 8), pixel for pixel: 2 mirror, 3 half
   * turn, 4 flip, 5 transpose, 6 quarter turn clockwise, 7 transverse, 8 quarter turn anticlockwise.
   */
  public static BgrImage upright(BgrImage stored, int orientation) {
    if (orientation < 2 || orientation > 8) {
      return stored;
    }
    int w = stored.width();
    int h = stored.height();
    boolean transposed = orientation >= 5;
    int outW = transposed ? h : w;
    int outH = transposed ? w : h;
    byte[] s = stored.pixels();
    byte[] out = new byte[s.length];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { sx = w - 1 - x; sy = y; }
          case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
          case 4 -> { sx = x; sy = h - 1 - y; }
          case 5 -> { sx = y; sy = x; }
          case 6 -> { sx = y; sy = h - 1 - x; }
          case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
          default -> { sx = w - 1 - y; sy = x; } // 8
        }
        int p = (sy * w + sx) * 3;
        int o = (y * outW + x) * 3;
        out[o] = s[p];
        out[o + 1] = s[p + 1];
        out[o + 2] = s[p + 2];
      }
    }
    return new BgrImage(outW, outH, out);
  }

  private interface ByteAt {
    byte at(int index);
  }

  private static BgrImage grey(int w, int h, ByteAt value) {
    byte[] out = new byte[w * h * 3];
    for (int i = 0, o = 0; o < out.length; i++, o += 3) {
      byte v = value.at(i);
      out[o] = v;
      out[o + 1] = v;
      out[o + 2] = v;
    }
    return new BgrImage(w, h, out);
  }

  private static BgrImage fromInts(int w, int h, int[] data) {
    byte[] out = new byte[w * h * 3];
    for (int i = 0, o = 0; o < out.length; i++, o += 3) {
      int rgb = data[i];
      out[o] = (byte) rgb;
      out[o + 1] = (byte) (rgb >> 8);
      out[o + 2] = (byte) (rgb >> 16);
    }
    return new BgrImage(w, h, out);
  }

  /** A raster that is its whole buffer, pixels packed with {@code bands} samples, no row padding. */
  private static boolean isPacked(Raster raster, int bands) {
    return isWhole(raster)
        && raster.getSampleModel() instanceof ComponentSampleModel m
        && m.getPixelStride() == bands
        && m.getScanlineStride() == raster.getWidth() * bands;
  }

  private static boolean isWhole(Raster raster) {
    return raster.getParent() == null
        && raster.getSampleModelTranslateX() == 0
        && raster.getSampleModelTranslateY() == 0
        && raster.getDataBuffer().getNumBanks() == 1
        && raster.getDataBuffer().getOffset() == 0;
  }
}
