package dev.loupe.core.inference;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Turns a {@link BgrImage} into a model's input tensor as Ultralytics' predictor does: RGB planes
 * (CHW), values / 255, written into a caller's reused buffer: a {@code float[]}, or the direct
 * buffer the engine reads in place (so the tensor is written once, a row at a time, and never
 * copied whole). Detection-style tasks are letterboxed; classification resizes the short side and
 * crops the centre. Stateless; thread-safe.
 */
public final class InputPreparation {
  /** Ultralytics' letterbox padding colour, all three channels. */
  public static final int PAD = 114;

  private static final float[] UNIT = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      UNIT[i] = i / 255f;
    }
  }

  private InputPreparation() {}

  /** Where the picture lies inside the input: its resized size and its top-left offset. */
  public record Placement(int width, int height, int left, int top) {}

  /**
   * Ultralytics' {@code LetterBox(center=True)}: r = min(inH / h, inW / w) (enlarging too), resized
   * to round(w r) x round(h r) with Python's rounding (half to even) by OpenCV's INTER_LINEAR,
   * centred with left = round(dw / 2 - 0.1), top = round(dh / 2 - 0.1), the rest grey 114.
   *
   * @param out at least {@code 3 * inH * inW} floats; the first that many are overwritten
   */
  public static Placement letterbox(BgrImage image, int inH, int inW, float[] out) {
    return letterbox(image, inH, inW, FloatBuffer.wrap(out));
  }

  /**
   * {@link #letterbox(BgrImage, int, int, float[])} into a buffer from index 0 (its position and
   * limit are left as they are).
   */
  public static Placement letterbox(BgrImage image, int inH, int inW, FloatBuffer out) {
    return letterbox(image, inH, inW, out, false);
  }

  /**
   * {@link #letterbox(BgrImage, int, int, FloatBuffer)}, leaving out the rows above and below the
   * picture when {@code padRowsInPlace}: they hold the pad colour already (the buffer's last
   * letterbox had the same input size, top and picture height).
   */
  static Placement letterbox(BgrImage image, int inH, int inW, FloatBuffer out, boolean padRowsInPlace) {
    Placement p = placement(image.height(), image.width(), inH, inW);
    BgrImage resized =
        p.width() == image.width() && p.height() == image.height()
            ? image
            : LinearResize.resize(image, p.width(), p.height());
    writePlanes(resized, 0, 0, p.width(), p.height(), inH, inW, p.left(), p.top(), out, padRowsInPlace);
    return p;
  }

  /** The letterbox geometry alone, the numbers {@link #letterbox} uses. */
  public static Placement placement(int h, int w, int inH, int inW) {
    double r = Math.min((double) inH / h, (double) inW / w);
    int newW = Math.max(1, (int) Math.rint(w * r));
    int newH = Math.max(1, (int) Math.rint(h * r));
    int left = (int) Math.rint((inW - newW) / 2.0 - 0.1);
    int top = (int) Math.rint((inH - newH) / 2.0 - 0.1);
    return new Placement(newW, newH, left, top);
  }

  /**
   * Ultralytics' classification transform: the short side resized to {@code size} (the long side to
   * {@code int(size * long / short)}, as torchvision's Resize) with antialiased bilinear filtering
   * (as PIL's resize, which it runs on), then the centre {@code size x size} cropped.
   */
  public static void centreCrop(BgrImage image, int size, float[] out) {
    centreCrop(image, size, FloatBuffer.wrap(out));
  }

  /** {@link #centreCrop(BgrImage, int, float[])} into a buffer from index 0. */
  public static void centreCrop(BgrImage image, int size, FloatBuffer out) {
    int w = image.width();
    int h = image.height();
    int newW;
    int newH;
    if (w <= h) {
      newW = size;
      newH = (int) ((long) size * h / w);
    } else {
      newH = size;
      newW = (int) ((long) size * w / h);
    }
    BgrImage resized =
        newW == w && newH == h ? image : AntialiasedResize.resize(image, newW, newH);
    int cropTop = (int) Math.rint((newH - size) / 2.0);
    int cropLeft = (int) Math.rint((newW - size) / 2.0);
    writePlanes(resized, cropLeft, cropTop, size, size, size, size, 0, 0, out, false);
  }

  /**
   * The letterbox of a picture that needs no resize (its long side is the input's), from RGB bytes
   * as libjpeg gives them: the same values {@link #letterbox(BgrImage, int, int, FloatBuffer)}
   * gives for the picture as BGR, without a BGR copy first.
   *
   * @param rgb {@code width * height * 3} bytes, interleaved R, G, B
   * @throws IllegalArgumentException when the picture would need a resize
   */
  static Placement letterboxRgb(
      byte[] rgb, int width, int height, int inH, int inW, FloatBuffer out, boolean padRowsInPlace) {
    Placement p = placement(height, width, inH, inW);
    if (p.width() != width || p.height() != height || rgb.length != width * height * 3) {
      throw new IllegalArgumentException("a " + width + "x" + height + " picture needs a resize for " + inW + "x" + inH);
    }
    int stride = width * 3;
    writePlanes(width, height, inH, inW, p.left(), p.top(), out, padRowsInPlace,
        (sy, red, green, blue, xStart, xEnd, left) -> {
          for (int x = xStart, i = sy * stride + (xStart - left) * 3; x < xEnd; x++, i += 3) {
            red[x] = UNIT[rgb[i] & 0xff];
            green[x] = UNIT[rgb[i + 1] & 0xff];
            blue[x] = UNIT[rgb[i + 2] & 0xff];
          }
        });
    return p;
  }

  /** Fills the picture's part of one input row, columns {@code xStart} to {@code xEnd}. */
  private interface RowFiller {
    void fill(int sy, float[] red, float[] green, float[] blue, int xStart, int xEnd, int left);
  }

  /**
   * Writes a {@code width x height} window of {@code src} starting at (srcX, srcY) into the RGB
   * planes of an {@code inH x inW} input at (left, top); everything else is the pad colour.
   */
  private static void writePlanes(
      BgrImage src, int srcX, int srcY, int width, int height, int inH, int inW, int left, int top,
      FloatBuffer out, boolean padRowsInPlace) {
    byte[] s = src.pixels();
    int srcStride = src.width() * 3;
    writePlanes(width, height, inH, inW, left, top, out, padRowsInPlace,
        (sy, red, green, blue, xStart, xEnd, l) -> {
          int p = (srcY + sy) * srcStride + (srcX + xStart - l) * 3;
          for (int x = xStart; x < xEnd; x++, p += 3) {
            red[x] = UNIT[s[p + 2] & 0xff];
            green[x] = UNIT[s[p + 1] & 0xff];
            blue[x] = UNIT[s[p] & 0xff];
          }
        });
  }

  /**
   * The planes of an {@code inH x inW} input holding a {@code width x height} picture at (left,
   * top), the rest the pad colour. Each row is made in three small arrays (the filler writes the
   * picture's columns, the pad columns keep the pad colour) and put into the planes in bulk. The
   * rows above and below the picture are left out when {@code padRowsInPlace}.
   */
  private static void writePlanes(
      int width, int height, int inH, int inW, int left, int top, FloatBuffer out, boolean padRowsInPlace,
      RowFiller filler) {
    int plane = inH * inW;
    if (out.capacity() < 3 * plane) {
      throw new IllegalArgumentException(
          "the input buffer holds " + out.capacity() + " floats, " + (3 * plane) + " needed");
    }
    float[] padRow = new float[inW];
    Arrays.fill(padRow, UNIT[PAD]);
    float[] red = padRow.clone();
    float[] green = padRow.clone();
    float[] blue = padRow.clone();
    int xStart = Math.max(0, left);
    int xEnd = Math.min(inW, left + width);
    int firstRow = padRowsInPlace ? Math.max(0, top) : 0;
    int endRow = padRowsInPlace ? Math.min(inH, top + height) : inH;
    for (int y = firstRow; y < endRow; y++) {
      int row = y * inW;
      int sy = y - top;
      if (sy < 0 || sy >= height) {
        out.put(row, padRow, 0, inW);
        out.put(plane + row, padRow, 0, inW);
        out.put(2 * plane + row, padRow, 0, inW);
        continue;
      }
      filler.fill(sy, red, green, blue, xStart, xEnd, left);
      out.put(row, red, 0, inW);
      out.put(plane + row, green, 0, inW);
      out.put(2 * plane + row, blue, 0, inW);
    }
  }
}
