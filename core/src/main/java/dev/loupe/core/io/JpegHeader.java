package dev.loupe.core.io;

/**
 * Walks a JPEG's markers to the frame header (size, sample precision, components) and the Exif
 * block (orientation).
 */
final class JpegHeader {
  static final String FORMAT = "jpeg";
  static final String TRUNCATED = "truncated JPEG (no end-of-image marker)";

  private JpegHeader() {}

  static boolean matches(HeaderBytes b) {
    return b.has(0, 3) && b.u8(0) == 0xFF && b.u8(1) == 0xD8 && b.u8(2) == 0xFF;
  }

  static ImageInfo read(HeaderBytes b) {
    Frame frame = frame(b);
    if (frame.error() != null) {
      return ImageInfo.failed(FORMAT, frame.error());
    }
    long pos = frame.segment();
    int height = b.u16be(pos + 3);
    int width = b.u16be(pos + 5);
    if (width == 0 || height == 0) {
      return ImageInfo.failed(FORMAT, "corrupt JPEG (zero width or height)");
    }
    ImageInfo info = ImageInfo.of(FORMAT, width, height, frame.orientation());
    return endsWithEoi(b) ? info : info.withError(TRUNCATED);
  }

  /**
   * Whether libjpeg decodes the picture as YCbCr: a baseline, extended or progressive Huffman frame
   * of 8-bit samples with three components numbered 1, 2, 3, and no Adobe APP14 marker before it
   * (whose transform flag could say RGB).
   */
  static boolean isPlainYCbCr(HeaderBytes b) {
    Frame frame = frame(b);
    if (frame.error() != null || frame.adobe() || frame.marker() > 0xC2) {
      return false;
    }
    long at = frame.segment() + 2;
    return b.u8(at) == 8 && b.u8(at + 5) == 3 && b.u8(at + 6) == 1 && b.u8(at + 9) == 2
        && b.u8(at + 12) == 3;
  }

  /**
   * What the markers before the frame header say: the frame's marker and where its segment (the
   * length field) starts, the Exif orientation, whether an Adobe APP14 marker came; or an error.
   */
  private record Frame(int marker, long segment, int orientation, boolean adobe, String error) {
    static Frame failed(String error) {
      return new Frame(0, 0, 1, false, error);
    }
  }

  private static Frame frame(HeaderBytes b) {
    long pos = 2;
    int orientation = 1;
    boolean adobe = false;
    while (true) {
      if (b.u8(pos) != 0xFF) {
        return Frame.failed("corrupt JPEG (no marker at offset " + pos + ")");
      }
      while (b.u8(pos) == 0xFF) {
        pos++;
      }
      int marker = b.u8(pos++);
      if (isStandalone(marker)) {
        continue;
      }
      if (marker == 0xD9 || marker == 0xDA) {
        return Frame.failed("corrupt JPEG (no frame header)");
      }
      int length = b.u16be(pos);
      if (length < 2) {
        return Frame.failed("corrupt JPEG (bad segment length)");
      }
      if (isStartOfFrame(marker)) {
        return new Frame(marker, pos, orientation, adobe, null);
      }
      if (marker == 0xE1 && length >= 16 && b.startsWith(pos + 2, "Exif\0\0")) {
        orientation = exifOrientation(b, pos + 8);
      }
      if (marker == 0xEE) {
        adobe = true;
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
   * The JPEG without its APP2 {@code ICC_PROFILE} segments (those before the first scan, where
   * decoders read them), or the same array when it has none or its markers cannot be walked.
   */
  static byte[] withoutIccProfile(byte[] jpeg) {
    HeaderBytes b = HeaderBytes.whole(jpeg);
    if (!matches(b)) {
      return jpeg;
    }
    java.io.ByteArrayOutputStream out = null;
    int copied = 0;
    int pos = 2;
    try {
      while (b.u8(pos) == 0xFF) {
        int start = pos;
        while (b.u8(pos) == 0xFF) {
          pos++;
        }
        int marker = b.u8(pos++);
        if (isStandalone(marker)) {
          continue;
        }
        if (marker == 0xDA || marker == 0xD9) {
          break;
        }
        int length = b.u16be(pos);
        if (length < 2) {
          break;
        }
        if (marker == 0xE2 && length >= 14 && b.startsWith(pos + 2, "ICC_PROFILE\0")) {
          if (out == null) {
            out = new java.io.ByteArrayOutputStream(jpeg.length);
          }
          out.write(jpeg, copied, start - copied);
          copied = pos + length;
        }
        pos += length;
      }
    } catch (HeaderBytes.HeaderTruncated | HeaderBytes.MoreBytesNeeded e) {
      // cut inside the header: what was found up to there is left out
    }
    if (out == null) {
      return jpeg;
    }
    copied = Math.min(copied, jpeg.length);
    out.write(jpeg, copied, jpeg.length - copied);
    return out.toByteArray();
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
