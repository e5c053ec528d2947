package dev.loupe.core.io;

/** TIFF (classic, not BigTIFF): size and orientation from the first image directory. */
final class TiffHeader {
  static final String FORMAT = "tiff";

  private TiffHeader() {}

  static boolean matches(HeaderBytes b) {
    return TiffIfd.isTiffHeader(b, 0);
  }

  static ImageInfo read(HeaderBytes b) {
    TiffIfd ifd = TiffIfd.read(b, 0);
    if (ifd.width <= 0 || ifd.height <= 0 || ifd.width > Integer.MAX_VALUE) {
      return ImageInfo.failed(FORMAT, "corrupt TIFF header");
    }
    return ImageInfo.of(FORMAT, (int) ifd.width, (int) ifd.height, ifd.orientation);
  }
}
