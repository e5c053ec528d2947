package dev.loupe.core.io;

/** PNG: size from the IHDR chunk, completeness from the IEND chunk near the end. */
final class PngHeader {
  static final String FORMAT = "png";
  private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D'};

  private PngHeader() {}

  static boolean matches(HeaderBytes b) {
    return b.startsWith(0, "\u0089PNG\r\n\u001a\n");
  }

  static ImageInfo read(HeaderBytes b) {
    if (!b.has(0, 24) || b.u32be(8) != 13 || !b.startsWith(12, "IHDR")) {
      return ImageInfo.failed(FORMAT, "corrupt PNG header");
    }
    long width = b.u32be(16);
    long height = b.u32be(20);
    if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
      return ImageInfo.failed(FORMAT, "corrupt PNG header");
    }
    ImageInfo info = ImageInfo.of(FORMAT, (int) width, (int) height, 1);
    return hasIend(b.tail()) ? info : info.withError("truncated PNG (no IEND chunk)");
  }

  private static boolean hasIend(byte[] tail) {
    outer:
    for (int i = tail.length - IEND.length; i >= 0; i--) {
      for (int j = 0; j < IEND.length; j++) {
        if (tail[i + j] != IEND[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
