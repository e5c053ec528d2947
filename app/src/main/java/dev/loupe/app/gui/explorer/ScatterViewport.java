package dev.loupe.app.gui.explorer;

/**
 * Where the map is on screen: map coordinates to view pixels and back, {@code screen = (map - centre) *
 * scale + size / 2}. Panning moves the centre; zooming around a view point keeps the map point under
 * it in place.
 */
public final class ScatterViewport {
  static final double MIN_ZOOM = 0.25;
  static final double MAX_ZOOM = 4000;

  private double centreX;
  private double centreY;
  private double scale = 1;
  private double fitScale = 1;
  private double width = 1;
  private double height = 1;

  /** Fits the box (x0, y0)-(x1, y1) into a {@code width} x {@code height} view with a margin. */
  public void fit(double x0, double y0, double x1, double y1, double viewWidth, double viewHeight) {
    resize(viewWidth, viewHeight);
    centreX = (x0 + x1) / 2;
    centreY = (y0 + y1) / 2;
    double w = Math.max(1e-9, x1 - x0);
    double h = Math.max(1e-9, y1 - y0);
    fitScale = 0.92 * Math.min(width / w, height / h);
    scale = fitScale;
  }

  /** The view's new size; the centre stays. */
  public void resize(double viewWidth, double viewHeight) {
    width = Math.max(1, viewWidth);
    height = Math.max(1, viewHeight);
  }

  public double toScreenX(double x) {
    return (x - centreX) * scale + width / 2;
  }

  public double toScreenY(double y) {
    return (y - centreY) * scale + height / 2;
  }

  public double toMapX(double sx) {
    return (sx - width / 2) / scale + centreX;
  }

  public double toMapY(double sy) {
    return (sy - height / 2) / scale + centreY;
  }

  /** View pixels per map unit. */
  public double scale() {
    return scale;
  }

  /** The zoom relative to the fitted view (1: all points fit). */
  public double zoom() {
    return scale / fitScale;
  }

  /** Moves the map by (dx, dy) view pixels (a drag). */
  public void pan(double dx, double dy) {
    centreX -= dx / scale;
    centreY -= dy / scale;
  }

  /** Zooms by {@code factor} keeping the map point under view point (sx, sy) where it is. */
  public void zoomAt(double sx, double sy, double factor) {
    double mx = toMapX(sx);
    double my = toMapY(sy);
    double zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom() * factor));
    scale = zoom * fitScale;
    centreX = mx - (sx - width / 2) / scale;
    centreY = my - (sy - height / 2) / scale;
  }
}
