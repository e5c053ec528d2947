package dev.loupe.labeling.canvas;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * Scales images down by area averaging: every target pixel is the mean of the source pixels it
 * covers, so far zoomed-out images show no aliasing. Reads the source a band of rows at a time (a
 * 12-megapixel photo is never copied whole). Pure pixel arithmetic: callable on any thread.
 */
public final class ImageScaler {
  private ImageScaler() {}

  /** The source scaled down to {@code w x h} (each at most the source's size). */
  public static Image areaAverage(Image source, int w, int h) {
    int width = (int) source.getWidth(), height = (int) source.getHeight();
    w = Math.max(1, Math.min(w, width));
    h = Math.max(1, Math.min(h, height));
    PixelReader reader = source.getPixelReader();
    javafx.scene.image.WritablePixelFormat<java.nio.IntBuffer> format = PixelFormat.getIntArgbInstance();
    int[] x0 = new int[w + 1];
    for (int x = 0; x <= w; x++) {
      x0[x] = (int) ((long) x * width / w);
    }
    int maxBand = (height + h - 1) / h + 1;
    int[] band = new int[maxBand * width];
    int[] a = new int[w], r = new int[w], g = new int[w], b = new int[w];
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      int ys = (int) ((long) y * height / h);
      int ye = Math.min(height, Math.max(ys + 1, (int) ((long) (y + 1) * height / h)));
      int rows = ye - ys;
      reader.getPixels(0, ys, width, rows, format, band, 0, width);
      java.util.Arrays.fill(a, 0);
      java.util.Arrays.fill(r, 0);
      java.util.Arrays.fill(g, 0);
      java.util.Arrays.fill(b, 0);
      for (int row = 0; row < rows; row++) {
        int base = row * width;
        for (int x = 0; x < w; x++) {
          int sa = 0, sr = 0, sg = 0, sb = 0;
          int xe = Math.max(x0[x] + 1, x0[x + 1]);
          for (int sx = x0[x]; sx < xe; sx++) {
            int p = band[base + sx];
            sa += p >>> 24;
            sr += (p >> 16) & 0xff;
            sg += (p >> 8) & 0xff;
            sb += p & 0xff;
          }
          a[x] += sa;
          r[x] += sr;
          g[x] += sg;
          b[x] += sb;
        }
      }
      for (int x = 0; x < w; x++) {
        int n = Math.max(1, (Math.max(x0[x] + 1, x0[x + 1]) - x0[x]) * rows);
        out[y * w + x] = (a[x] / n) << 24 | (r[x] / n) << 16 | (g[x] / n) << 8 | (b[x] / n);
      }
    }
    WritableImage image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, format, out, 0, w);
    return image;
  }

  /** The size (w, h) an image of {@code width x height} has when fitted into a view, as the canvas fits it. */
  public static int[] fittedSize(int width, int height, double viewWidth, double viewHeight) {
    double zoom = Math.min(viewWidth / width, viewHeight / height);
    return new int[] {Math.max(1, (int) Math.round(width * zoom)), Math.max(1, (int) Math.round(height * zoom))};
  }
}
