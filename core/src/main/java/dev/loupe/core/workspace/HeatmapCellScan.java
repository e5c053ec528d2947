package dev.loupe.core.workspace;

import dev.loupe.core.task.TaskMonitor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the images behind one cell of the location or dimension heatmap: those with a label whose
 * centre (or width and height) falls in it, read from every image's labels in one pass along the
 * label table's primary key (as {@link DatasetScan} reads it). The labels are placed in cells by
 * {@link LabelBounds} and {@link HeatmapCell#holds}, the way the class statistics place them, so the
 * labels found are the cell's count. Reports progress and stops when cancelled.
 */
public final class HeatmapCellScan {
  private static final int PROGRESS_EVERY = 5_000;

  private final Workspace workspace;

  public HeatmapCellScan(Workspace workspace) {
    this.workspace = workspace;
  }

  public CellImages scan(String datasetIdOrSlug, HeatmapCell cell, TaskMonitor monitor) {
    String datasetId = workspace.datasets().require(datasetIdOrSlug).id();
    long total = workspace.images().counts(datasetId).images();
    return workspace.db().read(c -> scan(c, datasetId, cell, total, monitor));
  }

  private static CellImages scan(Connection c, String datasetId, HeatmapCell cell, long total, TaskMonitor monitor)
      throws SQLException {
    Set<String> hashes = new HashSet<>();
    long[] labels = {0};
    boolean[] hit = {false};
    LabelBounds.Visitor visitor =
        new LabelBounds.Visitor() {
          @Override
          public void classLabel(int classId) {}

          @Override
          public void label(int classId, double minX, double minY, double maxX, double maxY, int pointCount) {
            if (cell.holds(minX, minY, maxX, maxY)) {
              labels[0]++;
              hit[0] = true;
            }
          }
        };
    long done = 0;
    long[] range = DatasetScan.seqRange(c, datasetId);
    try (PreparedStatement ps = DatasetScan.rangeQuery(c, "image_labels", "hash, data", range);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (!datasetId.equals(rs.getString(1))) {
          continue;
        }
        hit[0] = false;
        LabelBounds.visit(rs.getBytes(3), visitor);
        if (hit[0]) {
          hashes.add(rs.getString(2));
        }
        if (++done % PROGRESS_EVERY == 0) {
          monitor.checkCancelled();
          monitor.progress(done, total, String.format("%,d images with labels in the cell", hashes.size()));
        }
      }
    }
    monitor.progress(total, total, String.format("%,d images with labels in the cell", hashes.size()));
    return new CellImages(cell, hashes, labels[0]);
  }
}
