package dev.loupe.core.io;

/** Walks a JPEG's markers to the frame header (size) and the Exif block (orientation). */
final class JpegHeader {
  static final String FORMAT = "jpeg";
  static final String TRUNCATED = "truncated JPEG (no end-of-image marker)";

  private JpegHeader() {}

  static boolean matches(HeaderBytes b) {
    return b.has(0, 3) && b.u8(0) == 0xFF && b.u8(1) == 0xD8 && b.u8(2) == 0xFF;
  }

  static ImageInfo read(HeaderBytes b) {
    long pos = 2;
    int orientation = 1;
    while (true) {
      if (b.u8(pos) != 0xFF) {
        return ImageInfo.failed(FORMAT, "corrupt JPEG (no marker at offset " + pos + ")");
      }
      while (b.u8(pos) == 0xFF) {
        pos++;
      }
      int marker = b.u8(pos++);
      if (isStandalone(marker)) {
        continue;
      }
      if (marker == 0xD9 || marker == 0xDA) {
        return ImageInfo.failed(FORMAT, "corrupt JPEG (no frame header)");
      }
      int length = b.u16be(pos);
      if (length < 2) {
        return ImageInfo.failed(FORMAT, "corrupt JPEG (bad segment length)");
      }
      if (isStartOfFrame(marker)) {
        int height = b.u16be(pos + 3);
        int width = b.u16be(pos + 5);
        if (width == 0 || height == 0) {
          return ImageInfo.failed(FORMAT, "corrupt JPEG (zero width or height)");
        }
        ImageInfo info = ImageInfo.of(FORMAT, width, height, orientation);
        return endsWithEoi(b) ? info : info.withError(TRUNCATED);
      }
      if (marker == 0xE1 && length >= 16 && b.startsWith(pos + 2, "Exif\0\0")) {
        orientation = exifOrientation(b, pos + 8);
      }
      pos += length;
    }
  }

  private static int exifOrientation(HeaderBytes b, long tiffStart) {
    if (!TiffIfd.isTiffHeader(b, tiffStart)) {
      return 1;
    }
    try {
      return TiffIfd.read(b, tiffStart).orientation;
    } catch (HeaderBytes.HeaderTruncated e) {
      return 1; // a broken Exif block does not make the picture unusable
    }
  }

  /**
   * Ultralytics' truncation check: the last two bytes are FF D9 (trailing zero padding allowed).
   */
  private static boolean endsWithEoi(HeaderBytes b) {
    byte[] tail = b.tail();
    int end = b.tailLengthWithoutPadding();
    return end >= 2 && (tail[end - 2] & 0xFF) == 0xFF && (tail[end - 1] & 0xFF) == 0xD9;
  }

  private static boolean isStandalone(int marker) {
    return marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7);
  }

  private static boolean isStartOfFrame(int marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
  }
}
