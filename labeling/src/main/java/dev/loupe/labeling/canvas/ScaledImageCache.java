package dev.loupe.labeling.canvas;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;

/**
 * Copies of one image scaled down to the zoom levels in use, so that a frame draws the image 1:1
 * instead of resampling the whole picture every time (which costs about 40 ms for a 1080p image on
 * the software pipeline). Scaling is an area average (no aliasing when zoomed far out) made on a
 * background thread: until a level is ready the canvas draws the source scaled for that frame, then
 * {@code onReady} asks it to redraw. Zoomed in (one source pixel or more per view pixel) the source is
 * drawn directly, and only its visible part. {@link #scaled} is called on the FX thread.
 */
final class ScaledImageCache {
  private static final int LEVELS = 3;
  private static final java.util.concurrent.ExecutorService SCALER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "loupe-image-scaler");
            t.setDaemon(true);
            return t;
          });

  private final Image source;
  private final int width;
  private final int height;
  private final Runnable onReady;
  private final Map<Integer, Image> scaled = new LinkedHashMap<>(8, 0.75f, true); // FX thread
  private volatile int requested; // the width wanted last, written on the FX thread
  private boolean working; // FX thread

  ScaledImageCache(Image source, Runnable onReady) {
    this.source = source;
    this.width = (int) source.getWidth();
    this.height = (int) source.getHeight();
    this.onReady = onReady;
  }

  Image source() {
    return source;
  }

  /**
   * The image scaled by {@code factor} (view pixels per source pixel); null when the factor is 1 or
   * more (draw the source) or while the copy is being made (draw the source scaled, this once).
   */
  Image scaled(double factor) {
    if (factor >= 0.999) {
      return null;
    }
    int w = Math.max(1, (int) Math.round(width * factor));
    Image hit = scaled.get(w);
    if (hit == null) {
      requested = w;
      if (!working) {
        working = true;
        SCALER.execute(this::make);
      }
    }
    return hit;
  }

  /**
   * Makes the level wanted last (a wheel zoom asks for many; the redraw that follows asks again for
   * whatever is wanted by then).
   */
  private void make() {
    int w = requested;
    int h = Math.max(1, (int) Math.round(height * ((double) w / width)));
    Image made = areaAverage(w, h);
    javafx.application.Platform.runLater(
        () -> {
          scaled.put(w, made);
          while (scaled.size() > LEVELS) {
            scaled.remove(scaled.keySet().iterator().next());
          }
          working = false;
          onReady.run();
        });
  }

  /** Whether the copy for this factor is ready (or none is needed). */
  boolean ready(double factor) {
    return factor >= 0.999 || scaled.containsKey(Math.max(1, (int) Math.round(width * factor)));
  }

  /** Makes a level now, on the calling thread (for tests). */
  Image scaledNow(double factor) {
    int w = Math.max(1, (int) Math.round(width * factor));
    return scaled.computeIfAbsent(w, k -> areaAverage(k, Math.max(1, (int) Math.round(height * ((double) k / width)))));
  }

  private Image areaAverage(int w, int h) {
    return ImageScaler.areaAverage(source, w, h);
  }

  /** Adds a copy made elsewhere (the loader makes the fitted one while prefetching). */
  void seed(Image copy) {
    if (copy != null && copy.getWidth() < width) {
      scaled.put((int) copy.getWidth(), copy);
    }
  }

  /**
   * Draws the image at a viewport into a view of {@code w x h}: zoomed out from the copy for the zoom
   * (1:1), zoomed in only the visible part of the source, without smoothing from 3x (pixels stay
   * crisp squares).
   */
  void draw(javafx.scene.canvas.GraphicsContext gc, dev.loupe.labeling.geom.Viewport vp, double w, double h) {
    double perSource = vp.zoom() * vp.imageWidth() / width; // view pixels per decoded pixel
    if (perSource < 0.999) {
      Image copy = scaled(perSource);
      if (copy != null) {
        gc.drawImage(copy, Math.round(vp.offsetX()), Math.round(vp.offsetY()));
      } else { // the copy is being made: a quick unsmoothed frame (a wheel zoom asks for many)
        gc.setImageSmoothing(false);
        gc.drawImage(source, vp.offsetX(), vp.offsetY(), vp.imageWidth() * vp.zoom(), vp.imageHeight() * vp.zoom());
        gc.setImageSmoothing(true);
      }
      return;
    }
    double sx0 = Math.max(0, Math.floor(-vp.offsetX() / perSource));
    double sy0 = Math.max(0, Math.floor(-vp.offsetY() / perSource));
    double sx1 = Math.min(width, Math.ceil((w - vp.offsetX()) / perSource));
    double sy1 = Math.min(height, Math.ceil((h - vp.offsetY()) / perSource));
    if (sx1 <= sx0 || sy1 <= sy0) {
      return;
    }
    gc.setImageSmoothing(perSource < 3);
    gc.drawImage(source, sx0, sy0, sx1 - sx0, sy1 - sy0,
        vp.offsetX() + sx0 * perSource, vp.offsetY() + sy0 * perSource,
        (sx1 - sx0) * perSource, (sy1 - sy0) * perSource);
    gc.setImageSmoothing(true);
  }
}
