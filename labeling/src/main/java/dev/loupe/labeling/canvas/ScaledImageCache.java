package dev.loupe.labeling.canvas;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Copies of one image scaled down to the zoom levels in use, so that a frame draws the image 1:1
 * instead of resampling the whole picture every time (which costs about 40 ms for a 1080p image on
 * the software pipeline). Scaling is an area average (no aliasing when zoomed far out). Zoomed in
 * (one source pixel or more per view pixel) the source is drawn directly, and only the visible part
 * of it. Used on the FX thread.
 */
final class ScaledImageCache {
  private static final int LEVELS = 3;

  private final Image source;
  private final int width;
  private final int height;
  private int[] pixels;
  private final Map<Integer, Image> scaled = new LinkedHashMap<>(8, 0.75f, true);

  ScaledImageCache(Image source) {
    this.source = source;
    this.width = (int) source.getWidth();
    this.height = (int) source.getHeight();
  }

  Image source() {
    return source;
  }

  /**
   * The image scaled by {@code factor} (view pixels per source pixel), or null when the factor is 1
   * or more (draw the source).
   */
  Image scaled(double factor) {
    if (factor >= 0.999) {
      return null;
    }
    int w = Math.max(1, (int) Math.round(width * factor));
    Image hit = scaled.get(w);
    if (hit == null) {
      int h = Math.max(1, (int) Math.round(height * factor));
      hit = areaAverage(w, h);
      scaled.put(w, hit);
      while (scaled.size() > LEVELS) {
        scaled.remove(scaled.keySet().iterator().next());
      }
    }
    return hit;
  }

  private Image areaAverage(int w, int h) {
    if (pixels == null) {
      pixels = new int[width * height];
      source.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
    }
    int[] out = new int[w * h];
    int[] x0 = new int[w + 1];
    for (int x = 0; x <= w; x++) {
      x0[x] = Math.min(width, (int) ((long) x * width / w));
    }
    long[] a = new long[w], r = new long[w], g = new long[w], b = new long[w];
    int[] counts = new int[w];
    for (int y = 0; y < h; y++) {
      int ys = (int) ((long) y * height / h), ye = Math.max(ys + 1, (int) ((long) (y + 1) * height / h));
      java.util.Arrays.fill(a, 0);
      java.util.Arrays.fill(r, 0);
      java.util.Arrays.fill(g, 0);
      java.util.Arrays.fill(b, 0);
      java.util.Arrays.fill(counts, 0);
      for (int sy = ys; sy < ye && sy < height; sy++) {
        int row = sy * width;
        for (int x = 0; x < w; x++) {
          int xe = Math.max(x0[x] + 1, x0[x + 1]);
          for (int sx = x0[x]; sx < xe && sx < width; sx++) {
            int p = pixels[row + sx];
            a[x] += p >>> 24;
            r[x] += (p >> 16) & 0xff;
            g[x] += (p >> 8) & 0xff;
            b[x] += p & 0xff;
            counts[x]++;
          }
        }
      }
      for (int x = 0; x < w; x++) {
        int n = Math.max(1, counts[x]);
        out[y * w + x] = (int) (a[x] / n) << 24 | (int) (r[x] / n) << 16 | (int) (g[x] / n) << 8 | (int) (b[x] / n);
      }
    }
    WritableImage image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
    return image;
  }
}
