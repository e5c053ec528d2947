package dev.loupe.labeling.geom;

/**
 * How the image sits in the view: {@code view = imagePixel * zoom + offset}. Labels are normalized,
 * so a label coordinate goes through the image size first; all conversions live here. Immutable.
 *
 * @param imageWidth width of the image in its own pixels (the label space, whatever size was decoded)
 * @param zoom view pixels per image pixel
 */
public record Viewport(double imageWidth, double imageHeight, double zoom, double offsetX, double offsetY) {
  public static final double MIN_ZOOM = 0.01;
  public static final double MAX_ZOOM = 64;

  public Viewport {
    if (imageWidth <= 0 || imageHeight <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + imageWidth + "x" + imageHeight);
    }
    zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
  }

  /** The whole image centred in a view of the given size. */
  public static Viewport fit(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
    double zoom = Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
    if (!(zoom > 0) || Double.isInfinite(zoom)) {
      zoom = 1;
    }
    return centred(imageWidth, imageHeight, zoom, viewWidth, viewHeight);
  }

  /** One image pixel per view pixel, centred. */
  public static Viewport actualSize(double imageWidth, double imageHeight, double viewWidth, double viewHeight) {
    return centred(imageWidth, imageHeight, 1, viewWidth, viewHeight);
  }

  private static Viewport centred(double iw, double ih, double zoom, double vw, double vh) {
    return new Viewport(iw, ih, zoom, Math.round((vw - iw * zoom) / 2), Math.round((vh - ih * zoom) / 2));
  }

  public double viewX(double normalizedX) {
    return normalizedX * imageWidth * zoom + offsetX;
  }

  public double viewY(double normalizedY) {
    return normalizedY * imageHeight * zoom + offsetY;
  }

  public double normX(double viewX) {
    return (viewX - offsetX) / zoom / imageWidth;
  }

  public double normY(double viewY) {
    return (viewY - offsetY) / zoom / imageHeight;
  }

  /** A length in view pixels as a normalized width. */
  public double normWidth(double viewPixels) {
    return viewPixels / zoom / imageWidth;
  }

  public double normHeight(double viewPixels) {
    return viewPixels / zoom / imageHeight;
  }

  /** Zooms by {@code factor} keeping the image point under (viewX, viewY) where it is. */
  public Viewport zoomAt(double factor, double viewX, double viewY) {
    double newZoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom * factor));
    double ix = (viewX - offsetX) / zoom;
    double iy = (viewY - offsetY) / zoom;
    return new Viewport(imageWidth, imageHeight, newZoom, viewX - ix * newZoom, viewY - iy * newZoom);
  }

  public Viewport panBy(double dx, double dy) {
    return new Viewport(imageWidth, imageHeight, zoom, offsetX + dx, offsetY + dy);
  }

  /** The same view of an image of another size (a new image keeps zoom and position). */
  public Viewport withImageSize(double width, double height) {
    return new Viewport(width, height, zoom, offsetX, offsetY);
  }

  /** The visible part of the image in normalized coordinates: {minX, minY, maxX, maxY}. */
  public double[] visibleNormalized(double viewWidth, double viewHeight) {
    return new double[] {normX(0), normY(0), normX(viewWidth), normY(viewHeight)};
  }
}
