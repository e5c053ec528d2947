package dev.loupe.core.workspace;

import dev.loupe.core.stats.ClassStatsCalculator;

/**
 * One cell of a class-statistics heatmap, by row and column as {@code ClassStats} holds its bins:
 * in the location heatmap the cell of a label's centre ({@code bins[row][column]}, rows top to
 * bottom), in the dimension heatmap the cell of its normalized width (column) and height (row).
 */
public record HeatmapCell(Heatmap heatmap, int row, int column) {
  /** Which heatmap a cell is of. */
  public enum Heatmap {
    LOCATION,
    DIMENSION
  }

  public HeatmapCell {
    if (heatmap == null) {
      throw new IllegalArgumentException("heatmap is required");
    }
    int grid = ClassStatsCalculator.GRID;
    if (row < 0 || row >= grid || column < 0 || column >= grid) {
      throw new IllegalArgumentException(
          "cell " + row + "," + column + " is outside the " + grid + " x " + grid + " heatmap");
    }
  }

  /** Whether a label with this bounding box (normalized coordinates) falls in this cell. */
  public boolean holds(double minX, double minY, double maxX, double maxY) {
    return switch (heatmap) {
      case LOCATION ->
          ClassStatsCalculator.cell((minY + maxY) / 2) == row && ClassStatsCalculator.cell((minX + maxX) / 2) == column;
      case DIMENSION ->
          ClassStatsCalculator.cell(Math.max(0, maxY - minY)) == row
              && ClassStatsCalculator.cell(Math.max(0, maxX - minX)) == column;
    };
  }
}
