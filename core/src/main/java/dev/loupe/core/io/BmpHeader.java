package dev.loupe.core.io;

/** Windows and OS/2 bitmaps: size from the DIB header. */
final class BmpHeader {
  static final String FORMAT = "bmp";

  private BmpHeader() {}

  static boolean matches(HeaderBytes b) {
    return b.startsWith(0, "BM") && b.has(0, 18);
  }

  static ImageInfo read(HeaderBytes b) {
    long dibSize = b.u32le(14);
    long width;
    long height;
    if (dibSize == 12) {
      width = b.u16le(18);
      height = b.u16le(20);
    } else if (dibSize >= 16) {
      width = (int) b.u32le(18);
      height = Math.abs((int) b.u32le(22)); // negative: rows stored top-down
    } else {
      return ImageInfo.failed(FORMAT, "corrupt BMP header");
    }
    if (width <= 0 || height <= 0) {
      return ImageInfo.failed(FORMAT, "corrupt BMP header");
    }
    ImageInfo info = ImageInfo.of(FORMAT, (int) width, (int) height, 1);
    long pixelOffset = b.u32le(10);
    return pixelOffset > b.fileSize() ? info.withError("truncated BMP (no pixel data)") : info;
  }
}
