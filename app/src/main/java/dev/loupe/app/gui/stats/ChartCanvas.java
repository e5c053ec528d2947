package dev.loupe.app.gui.stats;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A chart drawn on one {@link Canvas} that fills this region: a few thousand bars or cells cost one
 * node, not one each. Subclasses draw in {@link #draw} and say what is under the mouse in
 * {@link #describe}; the text shows in {@link #hoverTextProperty()}.
 */
abstract class ChartCanvas extends Region {
  static final Color BACKGROUND = Color.web("#23262b");
  static final Color GRID_LINE = Color.web("#373c43");
  static final Color TEXT = Color.web("#e3e6ea");
  static final Color MUTED = Color.web("#9aa2ad");
  static final Color ACCENT = Color.web("#4c8dff");
  static final Color SECOND = Color.web("#c08a2e");
  static final Color HOVER = Color.web("#ffffff22");
  static final Font FONT = Font.font("DejaVu Sans", 11);
  static final Font SMALL = Font.font("DejaVu Sans", 10);

  private final Canvas canvas = new Canvas();
  private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
  private double mouseX = -1;
  private double mouseY = -1;

  ChartCanvas() {
    getChildren().add(canvas);
    getStyleClass().add("chart");
    setMinSize(120, 80);
    setOnMouseMoved(e -> hover(e.getX(), e.getY()));
    setOnMouseExited(e -> hover(-1, -1));
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
    g.setFill(BACKGROUND);
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
