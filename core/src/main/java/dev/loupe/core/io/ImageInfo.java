package dev.loupe.core.io;

/**
 * What an image file's header says, read without decoding pixels.
 *
 * @param format lower-case format name ("jpeg", "png", "bmp", "gif", "webp", "tiff"), or "unknown"
 * @param width,height the size as displayed, after the EXIF orientation (orientations 5 to 8 swap
 *     the stored width and height); 0 when the header could not be read
 * @param orientation the EXIF orientation, 1 to 8 (1 when absent)
 * @param error null when the image is usable, else a one-line reason
 */
public record ImageInfo(String format, int width, int height, int orientation, String error) {

  /** A readable image whose stored (pre-orientation) size is {@code storedWidth x storedHeight}. */
  public static ImageInfo of(String format, int storedWidth, int storedHeight, int orientation) {
    boolean swap = orientation >= 5 && orientation <= 8;
    return new ImageInfo(
        format,
        swap ? storedHeight : storedWidth,
        swap ? storedWidth : storedHeight,
        orientation,
        null);
  }

  public static ImageInfo failed(String format, String error) {
    return new ImageInfo(format, 0, 0, 1, error);
  }

  public boolean isValid() {
    return error == null;
  }

  /** Whether the stored pixels are turned by a quarter (orientations 5 to 8). */
  public boolean isTransposed() {
    return orientation >= 5 && orientation <= 8;
  }

  ImageInfo withError(String reason) {
    return new ImageInfo(format, width, height, orientation, reason);
  }
}
