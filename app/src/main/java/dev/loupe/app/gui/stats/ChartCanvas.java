package dev.loupe.app.gui.stats;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A chart drawn on one {@link Canvas} that fills this region: a few thousand bars or cells cost one
 * node, not one each. Subclasses draw in {@link #draw} and say what is under the mouse in
 * {@link #describe}; the text shows in {@link #hoverTextProperty()}.
 *
 * <p>Its colours come from CSS (style class {@code chart}): {@code -loupe-chart-background},
 * {@code -grid}, {@code -text}, {@code -muted}, {@code -accent}, {@code -second}, {@code -hover} and
 * {@code -empty} (a heatmap's empty cell), each defaulting to the dark theme's; the chart is drawn again
 * when one changes, so a theme's style sheet restyles it live.
 */
abstract class ChartCanvas extends Region {
  /** The dark theme's colours, the defaults of the styleable ones. */
  static final Color BACKGROUND = Color.web("#23262b");
  static final Color GRID_LINE = Color.web("#373c43");
  static final Color TEXT = Color.web("#e3e6ea");
  static final Color MUTED = Color.web("#9aa2ad");
  static final Color ACCENT = Color.web("#4c8dff");
  static final Color SECOND = Color.web("#c08a2e");
  static final Color HOVER = Color.web("#ffffff22");
  static final Color EMPTY = Color.web("#1b1d21");
  private static final StyleablePropertyFactory<ChartCanvas> STYLES =
      new StyleablePropertyFactory<>(Region.getClassCssMetaData());
  static final Font FONT = Font.font("DejaVu Sans", 11);
  static final Font SMALL = Font.font("DejaVu Sans", 10);

  private final Canvas canvas = new Canvas();
  private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
  private final StyleableObjectProperty<Color> background = colour("background", BACKGROUND, c -> c.background);
  private final StyleableObjectProperty<Color> grid = colour("grid", GRID_LINE, c -> c.grid);
  private final StyleableObjectProperty<Color> text = colour("text", TEXT, c -> c.text);
  private final StyleableObjectProperty<Color> muted = colour("muted", MUTED, c -> c.muted);
  private final StyleableObjectProperty<Color> accent = colour("accent", ACCENT, c -> c.accent);
  private final StyleableObjectProperty<Color> second = colour("second", SECOND, c -> c.second);
  private final StyleableObjectProperty<Color> hoverFill = colour("hover", HOVER, c -> c.hoverFill);
  private final StyleableObjectProperty<Color> empty = colour("empty", EMPTY, c -> c.empty);
  private double mouseX = -1;
  private double mouseY = -1;

  ChartCanvas() {
    getChildren().add(canvas);
    getStyleClass().add("chart");
    setMinSize(120, 80);
    setOnMouseMoved(e -> hover(e.getX(), e.getY()));
    setOnMouseExited(e -> hover(-1, -1));
  }

  private StyleableObjectProperty<Color> colour(String name, Color dark,
      java.util.function.Function<ChartCanvas, StyleableProperty<Color>> property) {
    StyleableObjectProperty<Color> p = (StyleableObjectProperty<Color>) STYLES.createStyleableColorProperty(
        this, name + "Colour", "-loupe-chart-" + name, property, dark);
    p.addListener((o, was, now) -> redraw());
    return p;
  }

  @Override
  public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
    return STYLES.getCssMetaData();
  }

  /** The background behind the chart. */
  final Color background() {
    return background.get();
  }

  /** Grid lines, frames and the scroll thumb. */
  final Color gridLine() {
    return grid.get();
  }

  /** Names and the hovered mark. */
  final Color text() {
    return text.get();
  }

  /** Axis labels, values and legends. */
  final Color muted() {
    return muted.get();
  }

  /** The first series. */
  final Color accent() {
    return accent.get();
  }

  /** The second series. */
  final Color second() {
    return second.get();
  }

  /** Laid over the hovered row. */
  final Color hoverFill() {
    return hoverFill.get();
  }

  /** A heatmap's empty cell. */
  final Color empty() {
    return empty.get();
  }

  /** The canvas the chart is drawn on (a PNG is a snapshot of it). */
  Canvas canvas() {
    return canvas;
  }

  /** What the mouse is over, in words; empty when nothing. */
  ReadOnlyStringProperty hoverTextProperty() {
    return hoverText.getReadOnlyProperty();
  }

  @Override
  protected void layoutChildren() {
    double w = Math.floor(getWidth());
    double h = Math.floor(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      redraw();
    }
  }

  /** Draws the chart again (its data or scale changed). */
  final void redraw() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(background());
    g.fillRect(0, 0, w, h);
    if (w > 0 && h > 0) {
      g.setFont(FONT);
      draw(g, w, h, mouseX, mouseY);
    }
  }

  private void hover(double x, double y) {
    mouseX = x;
    mouseY = y;
    hoverText.set(x < 0 ? "" : describe(x, y));
    redraw();
  }

  /** Draws into {@code w} x {@code h}; the mouse is at ({@code mouseX}, {@code mouseY}), or -1 when away. */
  abstract void draw(GraphicsContext g, double w, double h, double mouseX, double mouseY);

  /** What is at ({@code x}, {@code y}), in words, or empty. */
  abstract String describe(double x, double y);

  /** A value's share of {@code max} on the linear or logarithmic scale (0 to 1). */
  static double scaled(long value, long max, boolean log) {
    if (value <= 0 || max <= 0) {
      return 0;
    }
    return log ? Math.log1p(value) / Math.log1p(max) : (double) value / max;
  }

  /** "1,234", "12.3k", "4.5M" for axis labels. */
  static String compact(long n) {
    if (n < 10_000) {
      return String.format("%,d", n);
    }
    if (n < 1_000_000) {
      return String.format("%.1fk", n / 1000.0);
    }
    return String.format("%.1fM", n / 1_000_000.0);
  }
}
