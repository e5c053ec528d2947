package dev.loupe.app.gui.explorer;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.Cursor;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

/**
 * The scatter of the map's points, drawn into one view-sized pixel buffer (an {@code int[]} behind a
 * {@link PixelBuffer}, shown by one {@link ImageView}): each point is a small square written into the
 * array, so 100,000 points cost a few milliseconds a frame, where a node or a canvas call per point
 * would not keep up. Drag pans, the wheel zooms around the pointer, Shift+drag (or a drag with the
 * rectangle or lasso tool) selects; the rubber band and the lasso are two shape nodes above it.
 * Redrawn at most once a pulse, in layout, after something changed.
 *
 * <p>Its colours come from CSS (style class {@code scatter-view}): {@code -loupe-map-background} and
 * {@code -loupe-map-selection} (the ring around selected points), defaulting to the dark theme's; a change
 * redraws the map, so a theme's style sheet restyles it live.
 */
public final class ScatterView extends Region {
  /** The dark theme's background, the default of {@code -loupe-map-background}. */
  static final Color BACKGROUND = Color.web("#141518");
  /** The dark theme's ring around selected points, the default of {@code -loupe-map-selection}. */
  static final Color SELECTION = Color.WHITE;
  private static final StyleablePropertyFactory<ScatterView> STYLES =
      new StyleablePropertyFactory<>(Region.getClassCssMetaData());
  /** Pointer distance, in view pixels, within which a point counts as under it. */
  static final double HIT_RADIUS = 6;
  private static final double CLICK_SLOP = 3;

  private final ExplorerViewModel model;
  private final ScatterViewport viewport = new ScatterViewport();
  private final ImageView view = new ImageView();
  private final Rectangle band = new Rectangle();
  private final Polyline lasso = new Polyline();
  private final ObjectProperty<SelectionTool> tool = new SimpleObjectProperty<>(SelectionTool.PAN);
  private final ReadOnlyIntegerWrapper hovered = new ReadOnlyIntegerWrapper(-1);
  private int[] pixels = new int[0];
  private PixelBuffer<IntBuffer> buffer;
  private int bufferWidth;
  private int bufferHeight;
  private boolean dirty = true;
  private boolean fitPending = true;
  private IntConsumer onOpenPoint = i -> {};
  private final StyleableObjectProperty<Color> background = (StyleableObjectProperty<Color>)
      STYLES.createStyleableColorProperty(this, "background", "-loupe-map-background", v -> v.background, BACKGROUND);
  private final StyleableObjectProperty<Color> selectionRing = (StyleableObjectProperty<Color>)
      STYLES.createStyleableColorProperty(this, "selectionRing", "-loupe-map-selection", v -> v.selectionRing,
          SELECTION);

  private enum Drag { NONE, PAN, RECTANGLE, LASSO }

  private Drag drag = Drag.NONE;
  private double pressX;
  private double pressY;
  private double lastX;
  private double lastY;
  private boolean moved;

  public ScatterView(ExplorerViewModel model) {
    this.model = model;
    getStyleClass().add("scatter-view");
    setId("scatter");
    setFocusTraversable(true);
    view.setManaged(false);
    band.getStyleClass().add("selection-band");
    band.setManaged(false);
    band.setVisible(false);
    band.setMouseTransparent(true);
    lasso.getStyleClass().add("selection-lasso");
    lasso.setManaged(false);
    lasso.setVisible(false);
    lasso.setMouseTransparent(true);
    getChildren().addAll(view, band, lasso);
    setMinSize(100, 100);
    model.pointsProperty().addListener((o, was, now) -> {
      if (was == null) {
        fitPending = true;
      }
      hovered.set(-1);
      redraw();
    });
    model.coloringProperty().addListener(x -> redraw());
    model.selectionProperty().addListener(x -> redraw());
    background.addListener(x -> redraw());
    selectionRing.addListener(x -> redraw());
    tool.addListener((o, was, now) -> setCursor(now == SelectionTool.PAN ? Cursor.DEFAULT : Cursor.CROSSHAIR));
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
    addEventHandler(MouseEvent.MOUSE_EXITED, e -> hovered.set(-1));
    addEventHandler(ScrollEvent.SCROLL, e -> {
      zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
      e.consume();
    });
  }

  @Override
  public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
    return STYLES.getCssMetaData();
  }

  /** What a plain drag does. */
  public ObjectProperty<SelectionTool> toolProperty() {
    return tool;
  }

  /** The point under the pointer, or -1. */
  public ReadOnlyIntegerProperty hoveredProperty() {
    return hovered.getReadOnlyProperty();
  }

  /** Where a double-click on a point goes. */
  public void setOnOpenPoint(IntConsumer value) {
    onOpenPoint = value;
  }

  public ScatterViewport viewport() {
    return viewport;
  }

  /** The point at view position (sx, sy), or -1. */
  public int pointAt(double sx, double sy) {
    return model.hitTest(viewport.toMapX(sx), viewport.toMapY(sy), HIT_RADIUS / viewport.scale());
  }

  /** Pans by (dx, dy) view pixels, as a drag does. */
  public void pan(double dx, double dy) {
    viewport.pan(dx, dy);
    redraw();
  }

  /** Zooms by {@code factor} around view point (sx, sy), as the wheel does. */
  public void zoomAt(double sx, double sy, double factor) {
    viewport.zoomAt(sx, sy, factor);
    hovered.set(-1);
    redraw();
  }

  /** Fits every point in the view. */
  public void fit() {
    fitPending = true;
    redraw();
  }

  private void redraw() {
    dirty = true;
    requestLayout();
  }

  @Override
  protected void layoutChildren() {
    int w = Math.max(1, (int) Math.round(getWidth()));
    int h = Math.max(1, (int) Math.round(getHeight()));
    if (w != bufferWidth || h != bufferHeight || buffer == null) {
      bufferWidth = w;
      bufferHeight = h;
      pixels = new int[w * h];
      buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), PixelFormat.getIntArgbPreInstance());
      view.setImage(new WritableImage(buffer));
      viewport.resize(w, h);
      dirty = true;
    }
    MapPoints points = model.pointsProperty().get();
    if (fitPending && points != null && points.size() > 0) {
      fitTo(points);
      fitPending = false;
    }
    if (dirty) {
      dirty = false;
      draw();
    }
  }

  private void fitTo(MapPoints p) {
    float x0 = Float.POSITIVE_INFINITY;
    float y0 = Float.POSITIVE_INFINITY;
    float x1 = Float.NEGATIVE_INFINITY;
    float y1 = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < p.size(); i++) {
      x0 = Math.min(x0, p.x(i));
      y0 = Math.min(y0, p.y(i));
      x1 = Math.max(x1, p.x(i));
      y1 = Math.max(y1, p.y(i));
    }
    viewport.fit(x0, y0, x1, y1, bufferWidth, bufferHeight);
  }

  /** Draws every point into the pixel array and tells the image that it changed. */
  void draw() {
    int back = PointColors.argb(background.get());
    Arrays.fill(pixels, back);
    MapPoints points = model.pointsProperty().get();
    Coloring coloring = model.coloringProperty().get();
    if (points != null && coloring != null && coloring.argb().length == points.size()) {
      BitSet selected = model.selectionProperty().get();
      boolean anySelected = !selected.isEmpty();
      int size = pointSize(viewport.zoom(), points.size());
      float[] xs = points.xs();
      float[] ys = points.ys();
      int[] argb = coloring.argb();
      double scale = viewport.scale();
      double bx = viewport.toScreenX(0);
      double by = viewport.toScreenY(0);
      double half = size / 2.0;
      for (int i = 0; i < xs.length; i++) {
        if (anySelected && selected.get(i)) {
          continue;
        }
        int color = anySelected ? dim(argb[i], back) : argb[i];
        square((int) (xs[i] * scale + bx - half), (int) (ys[i] * scale + by - half), size, color);
      }
      if (anySelected) {
        int ring = size + 2;
        int ringColour = PointColors.argb(selectionRing.get());
        for (int i = selected.nextSetBit(0); i >= 0 && i < xs.length; i = selected.nextSetBit(i + 1)) {
          int x = (int) (xs[i] * scale + bx - half);
          int y = (int) (ys[i] * scale + by - half);
          square(x - 1, y - 1, ring, ringColour);
          square(x, y, size, argb[i]);
        }
      }
    }
    buffer.updateBuffer(b -> null);
  }

  /** Squares of 3 px for a crowded map, larger for few points and as the view zooms in. */
  static int pointSize(double zoom, int points) {
    int base = points <= 2_000 ? 5 : points <= 20_000 ? 4 : 3;
    return base + (zoom < 3 ? 0 : zoom < 12 ? 2 : 4);
  }

  /**
   * {@code argb} a third of the way from {@code background}: unselected points while some are selected.
   */
  static int dim(int argb, int background) {
    int r = ((argb >> 16) & 0xff) * 35 / 100 + ((background >> 16) & 0xff) * 65 / 100;
    int g = ((argb >> 8) & 0xff) * 35 / 100 + ((background >> 8) & 0xff) * 65 / 100;
    int b = (argb & 0xff) * 35 / 100 + (background & 0xff) * 65 / 100;
    return 0xff000000 | r << 16 | g << 8 | b;
  }

  private void square(int x, int y, int size, int color) {
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    int x1 = Math.min(bufferWidth, x + size);
    int y1 = Math.min(bufferHeight, y + size);
    for (int row = y0; row < y1; row++) {
      int at = row * bufferWidth;
      for (int col = x0; col < x1; col++) {
        pixels[at + col] = color;
      }
    }
  }

  /** The colour drawn at view pixel (x, y) (tests look). */
  int pixel(int x, int y) {
    return pixels[y * bufferWidth + x];
  }

  private void hover(double x, double y) {
    if (drag == Drag.NONE) {
      hovered.set(pointAt(x, y));
    }
  }

  private void pressed(MouseEvent e) {
    requestFocus();
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    pressX = lastX = e.getX();
    pressY = lastY = e.getY();
    moved = false;
    if (e.isShiftDown() || tool.get() == SelectionTool.RECTANGLE) {
      drag = Drag.RECTANGLE;
    } else if (tool.get() == SelectionTool.LASSO) {
      drag = Drag.LASSO;
      lasso.getPoints().setAll(pressX, pressY);
    } else {
      drag = Drag.PAN;
    }
    hovered.set(-1);
    e.consume();
  }

  private void dragged(MouseEvent e) {
    if (drag == Drag.NONE) {
      return;
    }
    double x = e.getX();
    double y = e.getY();
    moved |= Math.abs(x - pressX) > CLICK_SLOP || Math.abs(y - pressY) > CLICK_SLOP;
    switch (drag) {
      case PAN -> pan(x - lastX, y - lastY);
      case RECTANGLE -> {
        band.setX(Math.min(pressX, x));
        band.setY(Math.min(pressY, y));
        band.setWidth(Math.abs(x - pressX));
        band.setHeight(Math.abs(y - pressY));
        band.setVisible(moved);
      }
      case LASSO -> {
        lasso.getPoints().addAll(x, y);
        lasso.setVisible(true);
      }
      default -> { }
    }
    lastX = x;
    lastY = y;
    e.consume();
  }

  private void released(MouseEvent e) {
    if (drag == Drag.NONE) {
      return;
    }
    Drag was = drag;
    drag = Drag.NONE;
    band.setVisible(false);
    lasso.setVisible(false);
    boolean add = e.isShortcutDown();
    if (!moved) {
      int hit = pointAt(e.getX(), e.getY());
      if (e.getClickCount() == 2 && hit >= 0) {
        onOpenPoint.accept(hit);
      } else if (hit >= 0 || !add) {
        model.selectPoint(hit, add);
      }
    } else if (was == Drag.RECTANGLE) {
      model.selectRectangle(viewport.toMapX(pressX), viewport.toMapY(pressY), viewport.toMapX(e.getX()),
          viewport.toMapY(e.getY()), add);
    } else if (was == Drag.LASSO) {
      var pts = lasso.getPoints();
      int n = pts.size() / 2;
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int k = 0; k < n; k++) {
        xs[k] = viewport.toMapX(pts.get(2 * k));
        ys[k] = viewport.toMapY(pts.get(2 * k + 1));
      }
      model.selectPolygon(xs, ys, add);
    }
    hover(e.getX(), e.getY());
    e.consume();
  }
}
