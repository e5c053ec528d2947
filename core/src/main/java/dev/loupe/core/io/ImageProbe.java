package dev.loupe.core.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's format, size and EXIF orientation from its header, without decoding pixels, and
 * flags files Ultralytics would reject (truncated JPEGs, images under 10 px). Thread-safe.
 */
public final class ImageProbe {
  /** Smallest side Ultralytics accepts ({@code shape > 9}). */
  public static final int MIN_SIDE = 10;

  private static final int HEAD = 16 * 1024;
  private static final int TAIL = 4 * 1024;
  private static final long MAX_WHOLE_READ = Integer.MAX_VALUE - 16;
  private static final String NOT_AN_IMAGE = "not an image";

  /** Image formats whose headers Loupe does not read (JPEG, PNG, BMP, GIF, WebP, TIFF it does). */
  private static final Set<String> UNSUPPORTED_EXTENSIONS =
      Set.of(
          "pfm", "heic", "heif", "avif", "jxl", "jp2", "j2k", "ico", "psd", "pgm", "ppm", "pbm",
          "pnm", "exr", "hdr", "cr2", "nef", "arw");

  public ImageInfo probe(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size == 0) {
        return ImageInfo.failed("unknown", "empty file");
      }
      if (size <= HEAD) {
        return probe(HeaderBytes.whole(read(channel, 0, (int) size)), file);
      }
      byte[] head = read(channel, 0, HEAD);
      byte[] tail = read(channel, size - TAIL, TAIL);
      try {
        return probe(new HeaderBytes(head, HEAD, size, tail), file);
      } catch (HeaderBytes.MoreBytesNeeded e) {
        if (size > MAX_WHOLE_READ) {
          return ImageInfo.failed("unknown", "header too large to read");
        }
        return probe(HeaderBytes.whole(read(channel, 0, (int) size)), file);
      }
    } catch (IOException e) {
      return ImageInfo.failed("unknown", "cannot read file: " + e.getMessage());
    }
  }

  /**
   * The JPEG without its embedded ICC profile (APP2 {@code ICC_PROFILE} segments), so that a
   * decoder gives libjpeg's colours as {@code cv2.imread} does instead of converting them by the
   * profile; the same array when there is none or {@code bytes} are not a JPEG.
   */
  public static byte[] jpegWithoutIccProfile(byte[] bytes) {
    return JpegHeader.withoutIccProfile(bytes);
  }

  /**
   * Whether {@code bytes} are a JPEG that libjpeg decodes as YCbCr (8-bit baseline, extended or
   * progressive Huffman frame, three components numbered 1, 2, 3, no Adobe marker): what cameras
   * and most encoders write, and what the model's reader takes in libjpeg's RGB (ADR 0008).
   */
  public static boolean isPlainYCbCrJpeg(byte[] bytes) {
    HeaderBytes b = HeaderBytes.whole(bytes);
    try {
      return JpegHeader.matches(b) && JpegHeader.isPlainYCbCr(b);
    } catch (HeaderBytes.HeaderTruncated e) {
      return false;
    }
  }

  /**
   * Probes an image held in memory. {@code name} (the file name, may be null) only tells an image
   * in a format Loupe cannot read ("unsupported image format") from a file that is not an image.
   */
  public ImageInfo probe(byte[] bytes, String name) {
    if (bytes.length == 0) {
      return ImageInfo.failed("unknown", "empty file");
    }
    return probe(HeaderBytes.whole(bytes), null, name);
  }

  private ImageInfo probe(HeaderBytes b, Path file) {
    Path fileName = file.getFileName();
    return probe(b, file, fileName == null ? null : fileName.toString());
  }

  private ImageInfo probe(HeaderBytes b, Path file, String name) {
    try {
      ImageInfo info = header(b, file);
      if (NOT_AN_IMAGE.equals(info.error()) && hasUnsupportedImageExtension(name)) {
        return info.withError("unsupported image format");
      }
      return checkSize(info);
    } catch (HeaderBytes.HeaderTruncated e) {
      return ImageInfo.failed(
          formatOf(b),
          "truncated " + formatOf(b).toUpperCase(Locale.ROOT) + " (file ends inside its header)");
    }
  }

  private static ImageInfo header(HeaderBytes b, Path file) {
    if (JpegHeader.matches(b)) {
      return JpegHeader.read(b);
    } else if (PngHeader.matches(b)) {
      return PngHeader.read(b);
    } else if (GifHeader.matches(b)) {
      return GifHeader.read(b);
    } else if (WebpHeader.matches(b)) {
      return WebpHeader.read(b);
    } else if (BmpHeader.matches(b)) {
      return BmpHeader.read(b);
    } else if (TiffHeader.matches(b)) {
      return TiffHeader.read(b);
    } else if (b.startsWith(0, "II+\0") || b.startsWith(0, "MM\0+")) {
      return ImageInfo.failed("tiff", "unsupported image format (BigTIFF)");
    } else if (b.startsWith(4, "ftyp") && b.has(8, 4)) {
      return ImageInfo.failed("unknown", "unsupported image format (HEIF/AVIF)");
    }
    return imageIoFallback(b, file);
  }

  /** Asks any other ImageIO reader that recognises the bytes for the size; it decodes no pixels. */
  private static ImageInfo imageIoFallback(HeaderBytes b, Path file) {
    try (ImageInputStream in =
        file != null
            ? ImageIO.createImageInputStream(file.toFile())
            : ImageIO.createImageInputStream(new ByteArrayInputStream(b.tail()))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      while (readers != null && readers.hasNext()) {
        ImageReader reader = readers.next();
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        if (format.equals("wbmp")) {
          continue; // WBMP has no signature: its reader accepts almost any bytes
        }
        try {
          reader.setInput(in, true, true);
          return ImageInfo.of(format, reader.getWidth(0), reader.getHeight(0), 1);
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      return ImageInfo.failed("unknown", "unreadable image header: " + e.getMessage());
    }
    return ImageInfo.failed("unknown", NOT_AN_IMAGE);
  }

  private static boolean hasUnsupportedImageExtension(String name) {
    if (name == null || name.lastIndexOf('.') < 0) {
      return false;
    }
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return UNSUPPORTED_EXTENSIONS.contains(ext);
  }

  private static ImageInfo checkSize(ImageInfo info) {
    if (info.isValid() && (info.width() < MIN_SIDE || info.height() < MIN_SIDE)) {
      return info.withError("image smaller than " + MIN_SIDE + " px");
    }
    return info;
  }

  private static String formatOf(HeaderBytes b) {
    if (JpegHeader.matches(b)) {
      return JpegHeader.FORMAT;
    } else if (PngHeader.matches(b)) {
      return PngHeader.FORMAT;
    } else if (GifHeader.matches(b)) {
      return GifHeader.FORMAT;
    } else if (WebpHeader.matches(b)) {
      return WebpHeader.FORMAT;
    } else if (BmpHeader.matches(b)) {
      return BmpHeader.FORMAT;
    } else if (TiffHeader.matches(b)) {
      return TiffHeader.FORMAT;
    }
    return "unknown";
  }

  private static byte[] read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("file shrank while reading");
      }
    }
    return buffer.array();
  }
}
