package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Horizontal bars, two per row (a primary and a secondary figure, as instances and images per
 * class), the row names on the left, a legend on top. Rows that do not fit scroll with the wheel.
 * A click on a row hands its key to the click handler, when there is one.
 */
final class GroupedBarChart extends ChartCanvas {
  /** One row: its name, its two figures and the key a click hands on. */
  record Row(int key, String name, long primary, long secondary) {}

  static final double ROW_HEIGHT = 24;
  private static final double LEGEND = 22;
  private static final double PAD = 8;

  private final String primaryName;
  private final String secondaryName;
  private List<Row> rows = List.of();
  private double namesWidth;
  private boolean log;
  private int firstRow;
  private IntConsumer onClick;

  GroupedBarChart(String primaryName, String secondaryName) {
    this.primaryName = primaryName;
    this.secondaryName = secondaryName;
    setOnScroll(e -> {
      int visible = visibleRows(canvas().getHeight());
      int max = Math.max(0, rows.size() - visible);
      firstRow = Math.max(0, Math.min(max, firstRow + (e.getDeltaY() < 0 ? 3 : -3)));
      redraw();
    });
    setOnMouseClicked(e -> {
      int row = rowAt(e.getY());
      if (onClick != null && row >= 0) {
        onClick.accept(rows.get(row).key());
      }
    });
  }

  void setRows(List<Row> value, boolean logScale) {
    rows = List.copyOf(value);
    namesWidth = 0;
    for (Row r : rows) {
      namesWidth = Math.max(namesWidth, textWidth(r.name()));
    }
    log = logScale;
    firstRow = Math.min(firstRow, Math.max(0, rows.size() - 1));
    redraw();
  }

  List<Row> rows() {
    return rows;
  }

  /** Clicks on a row go here (its key); the rows show a hand cursor. */
  void setOnRowClicked(IntConsumer value) {
    onClick = value;
    setCursor(value == null ? Cursor.DEFAULT : Cursor.HAND);
  }

  /** The top of a row's band on the canvas, or -1 when it is scrolled away (tests click there). */
  double rowTop(int row) {
    int visible = visibleRows(canvas().getHeight());
    return row < firstRow || row >= firstRow + visible ? -1 : LEGEND + PAD + (row - firstRow) * ROW_HEIGHT;
  }

  private static int visibleRows(double h) {
    return Math.max(1, (int) ((h - LEGEND - PAD) / ROW_HEIGHT));
  }

  private int rowAt(double y) {
    if (y < LEGEND + PAD) {
      return -1;
    }
    int row = firstRow + (int) ((y - LEGEND - PAD) / ROW_HEIGHT);
    return row < rows.size() && row < firstRow + visibleRows(canvas().getHeight()) ? row : -1;
  }

  @Override
  void draw(GraphicsContext g, double w, double h, double mouseX, double mouseY) {
    g.setTextBaseline(VPos.CENTER);
    legend(g, w);
    if (rows.isEmpty()) {
      g.setFill(muted());
      g.setTextAlign(TextAlignment.CENTER);
      g.fillText(Messages.text("stats.chart.noClasses"), w / 2, h / 2);
      return;
    }
    double nameWidth = Math.min(w * 0.35, namesWidth + 12);
    double valueWidth = 96;
    double barLeft = PAD + nameWidth;
    double barWidth = Math.max(10, w - barLeft - valueWidth - PAD);
    long max = 0;
    for (Row r : rows) {
      max = Math.max(max, Math.max(r.primary(), r.secondary()));
    }
    int visible = visibleRows(h);
    int hovered = mouseY < 0 ? -1 : rowAt(mouseY);
    for (int i = firstRow; i < Math.min(rows.size(), firstRow + visible); i++) {
      Row r = rows.get(i);
      double top = LEGEND + PAD + (i - firstRow) * ROW_HEIGHT;
      if (i == hovered && onClick != null) {
        g.setFill(hoverFill());
        g.fillRect(0, top, w, ROW_HEIGHT);
      }
      g.setFill(text());
      g.setTextAlign(TextAlignment.RIGHT);
      g.fillText(clip(r.name(), nameWidth - 8), barLeft - 8, top + ROW_HEIGHT / 2);
      g.setFill(accent());
      g.fillRect(barLeft, top + 4, Math.max(r.primary() > 0 ? 1 : 0, barWidth * scaled(r.primary(), max, log)), 9);
      g.setFill(second());
      g.fillRect(barLeft, top + 14, Math.max(r.secondary() > 0 ? 1 : 0, barWidth * scaled(r.secondary(), max, log)),
          6);
      g.setFill(muted());
      g.setTextAlign(TextAlignment.LEFT);
      g.setFont(SMALL);
      g.fillText(compact(r.primary()) + " / " + compact(r.secondary()), barLeft + barWidth + 6, top + ROW_HEIGHT / 2);
      g.setFont(FONT);
    }
    if (rows.size() > visible) {
      double track = h - LEGEND - PAD;
      double thumb = Math.max(16, track * visible / rows.size());
      double at = LEGEND + PAD + (track - thumb) * firstRow / Math.max(1, rows.size() - visible);
      g.setFill(gridLine());
      g.fillRect(w - 4, at, 3, thumb);
    }
  }

  private void legend(GraphicsContext g, double w) {
    g.setTextAlign(TextAlignment.LEFT);
    double x = PAD;
    g.setFill(accent());
    g.fillRect(x, 7, 10, 10);
    g.setFill(muted());
    g.fillText(primaryName, x + 14, 12);
    x += 14 + textWidth(primaryName) + 16;
    g.setFill(second());
    g.fillRect(x, 7, 10, 10);
    g.setFill(muted());
    g.fillText(secondaryName, x + 14, 12);
    if (log) {
      g.setTextAlign(TextAlignment.RIGHT);
      g.fillText(Messages.text("stats.chart.logScale"), w - PAD, 12);
    }
  }

  static double textWidth(String s) {
    Text t = new Text(s);
    t.setFont(FONT);
    return t.getLayoutBounds().getWidth();
  }

  private static String clip(String s, double width) {
    if (textWidth(s) <= width) {
      return s;
    }
    String cut = s;
    while (cut.length() > 1 && textWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }

  @Override
  String describe(double x, double y) {
    int row = rowAt(y);
    if (row < 0) {
      return "";
    }
    Row r = rows.get(row);
    return Messages.text("stats.chart.bar", r.name(), String.format("%,d", r.primary()), primaryName,
        String.format("%,d", r.secondary()), secondaryName);
  }
}
