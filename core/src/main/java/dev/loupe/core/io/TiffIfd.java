package dev.loupe.core.io;

/**
 * Reads the first image directory (IFD0) of a TIFF structure: a TIFF file, or the Exif block of a
 * JPEG. Only the tags Loupe needs: image width (256), image length (257) and orientation (274).
 */
final class TiffIfd {
  static final int TAG_WIDTH = 256;
  static final int TAG_HEIGHT = 257;
  static final int TAG_ORIENTATION = 274;
  private static final int TYPE_SHORT = 3;
  private static final int TYPE_LONG = 4;

  final long width;
  final long height;
  final int orientation;

  private TiffIfd(long width, long height, int orientation) {
    this.width = width;
    this.height = height;
    this.orientation = orientation;
  }

  /** Whether a TIFF header ("II*\0" or "MM\0*") starts at {@code base}. */
  static boolean isTiffHeader(HeaderBytes b, long base) {
    return b.startsWith(base, "II*\0") || b.startsWith(base, "MM\0*");
  }

  /**
   * Reads IFD0 of the TIFF structure starting at {@code base}; offsets inside it are relative to
   * {@code base}. Missing tags read as -1 (orientation as 1).
   */
  static TiffIfd read(HeaderBytes b, long base) {
    boolean le = b.u8(base) == 'I';
    long ifd = base + b.u32(base + 4, le);
    int count = b.u16(ifd, le);
    long width = -1;
    long height = -1;
    int orientation = 1;
    for (int i = 0; i < count; i++) {
      long entry = ifd + 2 + 12L * i;
      int tag = b.u16(entry, le);
      if (tag != TAG_WIDTH && tag != TAG_HEIGHT && tag != TAG_ORIENTATION) {
        continue;
      }
      int type = b.u16(entry + 2, le);
      long value =
          type == TYPE_SHORT ? b.u16(entry + 8, le) : type == TYPE_LONG ? b.u32(entry + 8, le) : -1;
      if (tag == TAG_WIDTH) {
        width = value;
      } else if (tag == TAG_HEIGHT) {
        height = value;
      } else if (value >= 1 && value <= 8) {
        orientation = (int) value;
      }
    }
    return new TiffIfd(width, height, orientation);
  }
}
