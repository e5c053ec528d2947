package dev.loupe.core.io;

/** WebP in its three RIFF flavours: lossy (VP8), lossless (VP8L) and extended (VP8X). */
final class WebpHeader {
  static final String FORMAT = "webp";

  private WebpHeader() {}

  static boolean matches(HeaderBytes b) {
    return b.startsWith(0, "RIFF") && b.startsWith(8, "WEBP");
  }

  static ImageInfo read(HeaderBytes b) {
    ImageInfo info = size(b);
    if (info.isValid() && b.u32le(4) + 8 > b.fileSize()) {
      return info.withError("truncated WebP (file shorter than its RIFF header says)");
    }
    return info;
  }

  private static ImageInfo size(HeaderBytes b) {
    if (b.startsWith(12, "VP8 ")) {
      if (b.u8(23) != 0x9D || b.u8(24) != 0x01 || b.u8(25) != 0x2A) {
        return ImageInfo.failed(FORMAT, "corrupt WebP header");
      }
      return checked(b.u16le(26) & 0x3FFF, b.u16le(28) & 0x3FFF);
    }
    if (b.startsWith(12, "VP8L")) {
      if (b.u8(20) != 0x2F) {
        return ImageInfo.failed(FORMAT, "corrupt WebP header");
      }
      long bits = b.u32le(21);
      return checked((int) (bits & 0x3FFF) + 1, (int) (bits >> 14 & 0x3FFF) + 1);
    }
    if (b.startsWith(12, "VP8X")) {
      int width = (b.u8(24) | b.u8(25) << 8 | b.u8(26) << 16) + 1;
      int height = (b.u8(27) | b.u8(28) << 8 | b.u8(29) << 16) + 1;
      return checked(width, height);
    }
    return ImageInfo.failed(FORMAT, "corrupt WebP header");
  }

  private static ImageInfo checked(int width, int height) {
    if (width == 0 || height == 0) {
      return ImageInfo.failed(FORMAT, "corrupt WebP header");
    }
    return ImageInfo.of(FORMAT, width, height, 1);
  }
}
