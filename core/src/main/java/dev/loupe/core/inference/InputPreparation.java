package dev.loupe.core.inference;

/**
 * Turns a {@link BgrImage} into a model's input tensor as Ultralytics' predictor does: RGB planes
 * (CHW), values / 255, written into a caller's reused {@code float[]}. Detection-style tasks are
 * letterboxed; classification resizes the short side and crops the centre. Stateless; thread-safe.
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
    Placement p = placement(image.height(), image.width(), inH, inW);
    BgrImage resized =
        p.width() == image.width() && p.height() == image.height()
            ? image
            : LinearResize.resize(image, p.width(), p.height());
    writePlanes(resized, 0, 0, p.width(), p.height(), inH, inW, p.left(), p.top(), out);
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
    writePlanes(resized, cropLeft, cropTop, size, size, size, size, 0, 0, out);
  }

  /**
   * Writes a {@code width x height} window of {@code src} starting at (srcX, srcY) into the RGB
   * planes of an {@code inH x inW} input at (left, top); everything else is the pad colour.
   */
  private static void writePlanes(
      BgrImage src, int srcX, int srcY, int width, int height, int inH, int inW, int left, int top,
      float[] out) {
    int plane = inH * inW;
    if (out.length < 3 * plane) {
      throw new IllegalArgumentException(
          "the input buffer holds " + out.length + " floats, " + (3 * plane) + " needed");
    }
    float pad = UNIT[PAD];
    byte[] s = src.pixels();
    int srcStride = src.width() * 3;
    for (int y = 0; y < inH; y++) {
      int row = y * inW;
      int sy = y - top;
      if (sy < 0 || sy >= height) {
        java.util.Arrays.fill(out, row, row + inW, pad);
        java.util.Arrays.fill(out, plane + row, plane + row + inW, pad);
        java.util.Arrays.fill(out, 2 * plane + row, 2 * plane + row + inW, pad);
        continue;
      }
      int xEnd = Math.min(inW, left + width);
      for (int x = 0; x < left; x++) {
        out[row + x] = pad;
        out[plane + row + x] = pad;
        out[2 * plane + row + x] = pad;
      }
      int p = (srcY + sy) * srcStride + srcX * 3;
      for (int x = Math.max(0, left); x < xEnd; x++, p += 3) {
        out[row + x] = UNIT[s[p + 2] & 0xff];
        out[plane + row + x] = UNIT[s[p + 1] & 0xff];
        out[2 * plane + row + x] = UNIT[s[p] & 0xff];
      }
      for (int x = xEnd; x < inW; x++) {
        out[row + x] = pad;
        out[plane + row + x] = pad;
        out[2 * plane + row + x] = pad;
      }
    }
  }
}
