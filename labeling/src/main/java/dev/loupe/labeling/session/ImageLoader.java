package dev.loupe.labeling.session;

import dev.loupe.core.io.ImageInfo;
import dev.loupe.core.io.ImageProbe;
import dev.loupe.labeling.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

/**
 * Decodes image files for the canvas, with EXIF orientation applied so that pixels match the labels,
 * and makes the copy that fits the view (area-averaged) so the first frame of an image draws it 1:1.
 * Images up to {@link #FULL_DECODE_PIXELS} are decoded whole (JavaFX decodes a 12-megapixel JPEG in
 * about 0.1 s; asking it for a reduced decode is slower, as it decodes whole and then resamples).
 * Larger ones are decoded reduced to the screen box and read whole when the user zooms in.
 * Thread-safe; decoding runs on the caller's thread (the session's loader threads).
 */
public final class ImageLoader {
  /** Above this many pixels an image is first decoded reduced to the screen box (memory). */
  public static final long FULL_DECODE_PIXELS = 40_000_000L;

  private final int maxWidth;
  private final int maxHeight;
  private final ImageProbe probe = new ImageProbe();

  /** @param maxWidth images of more than {@link #FULL_DECODE_PIXELS} are decoded reduced to fit this box */
  public ImageLoader(int maxWidth, int maxHeight) {
    this.maxWidth = maxWidth;
    this.maxHeight = maxHeight;
  }

  /** Reads an image (reduced only when it is huge), without a fitted copy. */
  public LoadedImage load(String hash, Path file) {
    return load(hash, file, false, 0, 0);
  }

  /** Reads an image and makes its copy fitted to a view of {@code viewWidth x viewHeight} (0: none). */
  public LoadedImage load(String hash, Path file, double viewWidth, double viewHeight) {
    return load(hash, file, false, viewWidth, viewHeight);
  }

  /** Reads the image at full resolution, however large. */
  public LoadedImage loadFull(String hash, Path file) {
    return load(hash, file, true, 0, 0);
  }

  private LoadedImage load(String hash, Path file, boolean full, double viewWidth, double viewHeight) {
    ImageInfo info = probe.probe(file);
    if (info.error() != null && info.width() <= 0) {
      throw new IllegalArgumentException(
          Messages.text("loader.cannotShow", String.valueOf(file.getFileName()), info.error()));
    }
    int orientation = Math.max(1, info.orientation());
    boolean swap = orientation >= 5 && orientation <= 8;
    int width = info.width(), height = info.height(); // after orientation
    int storedW = swap ? height : width, storedH = swap ? width : height;
    boolean huge = (long) width * height > FULL_DECODE_PIXELS;
    double scale = full || !huge ? 1 : Math.min(1, Math.min((double) maxWidth / width, (double) maxHeight / height));
    Image image;
    try (InputStream in = Files.newInputStream(file)) {
      if (scale < 1) {
        image = new Image(in, Math.max(1, Math.round(storedW * scale)), Math.max(1, Math.round(storedH * scale)), true, true);
      } else {
        image = new Image(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          Messages.text("loader.cannotRead", String.valueOf(file.getFileName()), e.getMessage()), e);
    }
    if (image.isError()) {
      Exception cause = image.getException();
      throw new IllegalArgumentException(
          cause == null
              ? Messages.text("loader.cannotDecode", String.valueOf(file.getFileName()))
              : Messages.text("loader.cannotDecodeBecause", String.valueOf(file.getFileName()), cause.getMessage()),
          cause);
    }
    if (orientation != 1) {
      image = orient(image, orientation);
    }
    Image fitted = null;
    if (viewWidth > 0 && viewHeight > 0) {
      int[] size = dev.loupe.labeling.canvas.ImageScaler.fittedSize(width, height, viewWidth, viewHeight);
      if (size[0] < image.getWidth()) {
        fitted = dev.loupe.labeling.canvas.ImageScaler.areaAverage(image, size[0], size[1]);
      }
    }
    return new LoadedImage(hash, image, width, height, scale < 1, fitted);
  }

  /** Applies an EXIF orientation (2..8) to decoded pixels. */
  static Image orient(Image source, int orientation) {
    int w = (int) source.getWidth(), h = (int) source.getHeight();
    int[] src = new int[w * h];
    PixelReader reader = source.getPixelReader();
    reader.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), src, 0, w);
    boolean swap = orientation >= 5;
    int ow = swap ? h : w, oh = swap ? w : h;
    int[] out = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int tx, ty;
        switch (orientation) {
          case 2 -> { tx = w - 1 - x; ty = y; }
          case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
          case 4 -> { tx = x; ty = h - 1 - y; }
          case 5 -> { tx = y; ty = x; }
          case 6 -> { tx = h - 1 - y; ty = x; }
          case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
          case 8 -> { tx = y; ty = w - 1 - x; }
          default -> { tx = x; ty = y; }
        }
        out[ty * ow + tx] = src[y * w + x];
      }
    }
    WritableImage oriented = new WritableImage(ow, oh);
    oriented.getPixelWriter().setPixels(0, 0, ow, oh, PixelFormat.getIntArgbInstance(), out, 0, ow);
    return oriented;
  }
}
