package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.workspace.HeatmapCell;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * A square heatmap of label counts ({@code bins[row][column]}) with its axes 0 to 1 and a colour
 * ramp. The location heatmap is drawn as the image is (row 0 at the top); the dimension heatmap
 * with small heights at the bottom. A click on a cell with labels hands the cell on.
 */
final class HeatmapChart extends ChartCanvas {
  private static final Color[] RAMP = {
    Color.web("#1f3a5f"), Color.web("#2f6db5"), Color.web("#3fb1a3"), Color.web("#c7d94a"), Color.web("#ffe45c")
  };
  private static final double LEFT = 44;
  private static final double BOTTOM = 30;
  private static final double TOP = 8;

  private final HeatmapCell.Heatmap kind;
  private final String xName;
  private final String yName;
  private long[][] bins = new long[0][0];
  private long max;
  private boolean log;
  private Consumer<HeatmapCell> onClick;

  HeatmapChart(HeatmapCell.Heatmap kind, String xName, String yName) {
    this.kind = kind;
    this.xName = xName;
    this.yName = yName;
    setOnMouseClicked(e -> {
      HeatmapCell cell = cellAt(e.getX(), e.getY());
      if (onClick != null && cell != null && bins[cell.row()][cell.column()] > 0) {
        onClick.accept(cell);
      }
    });
  }

  void setBins(long[][] value, long maxCount, boolean logScale) {
    bins = value;
    max = maxCount;
    log = logScale;
    redraw();
  }

  void setOnCellClicked(Consumer<HeatmapCell> value) {
    onClick = value;
    setCursor(value == null ? Cursor.DEFAULT : Cursor.HAND);
  }

  private int grid() {
    return bins.length;
  }

  /** The cell's square: x, y and side on the canvas. */
  private double[] square(double w, double h) {
    double side = Math.max(10, Math.min(w - LEFT - 12, h - BOTTOM - TOP));
    double x = LEFT + Math.max(0, (w - LEFT - 12 - side) / 2);
    return new double[] {x, TOP, side};
  }

  /** The centre of a cell on the canvas (tests click there). */
  double[] cellCentre(int row, int column) {
    double[] sq = square(canvas().getWidth(), canvas().getHeight());
    double cell = sq[2] / grid();
    int drawnRow = kind == HeatmapCell.Heatmap.LOCATION ? row : grid() - 1 - row;
    return new double[] {sq[0] + (column + 0.5) * cell, sq[1] + (drawnRow + 0.5) * cell};
  }

  private HeatmapCell cellAt(double x, double y) {
    if (grid() == 0) {
      return null;
    }
    double[] sq = square(canvas().getWidth(), canvas().getHeight());
    if (x < sq[0] || y < sq[1] || x >= sq[0] + sq[2] || y >= sq[1] + sq[2]) {
      return null;
    }
    int column = (int) ((x - sq[0]) / (sq[2] / grid()));
    int drawnRow = (int) ((y - sq[1]) / (sq[2] / grid()));
    int row = kind == HeatmapCell.Heatmap.LOCATION ? drawnRow : grid() - 1 - drawnRow;
    return new HeatmapCell(kind, Math.min(grid() - 1, row), Math.min(grid() - 1, column));
  }

  @Override
  void draw(GraphicsContext g, double w, double h, double mouseX, double mouseY) {
    if (grid() == 0) {
      return;
    }
    double[] sq = square(w, h);
    double cell = sq[2] / grid();
    HeatmapCell hovered = mouseX < 0 ? null : cellAt(mouseX, mouseY);
    for (int r = 0; r < grid(); r++) {
      for (int c = 0; c < grid(); c++) {
        int drawnRow = kind == HeatmapCell.Heatmap.LOCATION ? r : grid() - 1 - r;
        long v = bins[r][c];
        g.setFill(v == 0 ? empty() : ramp(scaled(v, max, log)));
        g.fillRect(sq[0] + c * cell, sq[1] + drawnRow * cell, Math.ceil(cell), Math.ceil(cell));
        if (hovered != null && hovered.row() == r && hovered.column() == c) {
          g.setStroke(text());
          g.setLineWidth(1.5);
          g.strokeRect(sq[0] + c * cell + 0.75, sq[1] + drawnRow * cell + 0.75, cell - 1.5, cell - 1.5);
        }
      }
    }
    g.setStroke(gridLine());
    g.setLineWidth(1);
    g.strokeRect(sq[0] + 0.5, sq[1] + 0.5, sq[2] - 1, sq[2] - 1);
    axes(g, sq);
  }

  private void axes(GraphicsContext g, double[] sq) {
    g.setFill(muted());
    g.setFont(SMALL);
    g.setTextBaseline(VPos.TOP);
    g.setTextAlign(TextAlignment.CENTER);
    for (int i = 0; i <= 4; i++) {
      double f = i / 4.0;
      g.fillText(String.format("%.2f", f), sq[0] + f * sq[2], sq[1] + sq[2] + 3);
    }
    g.fillText(xName, sq[0] + sq[2] / 2, sq[1] + sq[2] + 16);
    g.setTextBaseline(VPos.CENTER);
    g.setTextAlign(TextAlignment.RIGHT);
    for (int i = 0; i <= 4; i++) {
      double f = i / 4.0;
      double value = kind == HeatmapCell.Heatmap.LOCATION ? f : 1 - f;
      g.fillText(String.format("%.2f", value), sq[0] - 4, sq[1] + f * sq[2]);
    }
    g.save();
    g.translate(10, sq[1] + sq[2] / 2);
    g.rotate(-90);
    g.setTextAlign(TextAlignment.CENTER);
    g.fillText(yName, 0, 0);
    g.restore();
    g.setFont(FONT);
  }

  /** The colour of a share (0 to 1) along the ramp. */
  static Color ramp(double f) {
    double at = Math.max(0, Math.min(1, f)) * (RAMP.length - 1);
    int i = Math.min(RAMP.length - 2, (int) at);
    return RAMP[i].interpolate(RAMP[i + 1], at - i);
  }

  @Override
  String describe(double x, double y) {
    HeatmapCell cell = cellAt(x, y);
    if (cell == null) {
      return "";
    }
    long v = bins[cell.row()][cell.column()];
    String text = Messages.text("stats.heatmap.cell", v, CellNames.of(cell));
    return v > 0 && onClick != null ? Messages.text("stats.heatmap.click", text) : text;
  }
}
