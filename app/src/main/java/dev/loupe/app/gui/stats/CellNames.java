package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.stats.ClassStatsCalculator;
import dev.loupe.core.workspace.HeatmapCell;
import java.util.Locale;

/** Heatmap cells in words, for the grid's filter chip and the charts' readouts. */
final class CellNames {
  private CellNames() {}

  /** "Centres x 0.40–0.45, y 0.10–0.15" or "Sizes w 0.05–0.10, h 0.20–0.25". */
  static String of(HeatmapCell cell) {
    String x = range(cell.column());
    String y = range(cell.row());
    return cell.heatmap() == HeatmapCell.Heatmap.LOCATION
        ? Messages.text("stats.cell.location", x, y)
        : Messages.text("stats.cell.dimension", x, y);
  }

  private static String range(int index) {
    double step = 1.0 / ClassStatsCalculator.GRID;
    return String.format(Locale.ROOT, "%.2f–%.2f", index * step, (index + 1) * step);
  }
}
