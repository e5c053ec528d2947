package dev.loupe.core.io;

/** GIF 87a and 89a: size from the logical screen descriptor. */
final class GifHeader {
  static final String FORMAT = "gif";

  private GifHeader() {}

  static boolean matches(HeaderBytes b) {
    return b.startsWith(0, "GIF87a") || b.startsWith(0, "GIF89a");
  }

  static ImageInfo read(HeaderBytes b) {
    int width = b.u16le(6);
    int height = b.u16le(8);
    if (width == 0 || height == 0) {
      return ImageInfo.failed(FORMAT, "corrupt GIF header");
    }
    return ImageInfo.of(FORMAT, width, height, 1);
  }
}
