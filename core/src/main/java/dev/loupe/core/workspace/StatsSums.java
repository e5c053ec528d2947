package dev.loupe.core.workspace;

import dev.loupe.core.stats.ClassStatsCalculator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Keeps each dataset's class statistics as sums in the {@code class_stats} table, changed by each
 * write in that write's transaction: an image added adds its contribution, a relabeled image takes
 * out the old and adds the new, a deleted image takes out its own. Reading the statistics then costs
 * a row, not a scan of every label (H2 reads a million rows in about 3 s cold: see ADR 0004).
 */
final class StatsSums {
  private StatsSums() {}

  /**
   * The sums of a dataset, computing them from every image when none are stored. Writers call it
   * before they change anything in their transaction.
   */
  static ClassStatsCalculator load(Connection c, String datasetId) throws SQLException {
    ClassStatsCalculator stored = stored(c, datasetId);
    return stored != null ? stored : recompute(c, datasetId);
  }

  /** The stored sums, or null. */
  static ClassStatsCalculator stored(Connection c, String datasetId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT data FROM class_stats WHERE dataset_id = ?")) {
      ps.setString(1, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? ClassStatsCalculator.fromBytes(rs.getBytes(1)) : null;
      }
    }
  }

  /** Width, height and label bytes of one image, or null. */
  static Object[] image(Connection c, String datasetId, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.width, i.height, l.data FROM image i JOIN image_labels l"
                + " ON l.seq = i.seq WHERE i.dataset_id = ? AND i.hash = ?")) {
      ps.setString(1, datasetId);
      ps.setString(2, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new Object[] {rs.getInt(1), rs.getInt(2), rs.getBytes(3)} : null;
      }
    }
  }

  static void save(Connection c, String datasetId, ClassStatsCalculator sums) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("MERGE INTO class_stats (dataset_id, data) KEY (dataset_id) VALUES (?, ?)")) {
      ps.setString(1, datasetId);
      ps.setBytes(2, sums.toBytes());
      ps.executeUpdate();
    }
  }

  /** Computes the sums from every image and label of the dataset (the slow path). */
  static ClassStatsCalculator recompute(Connection c, String datasetId) throws SQLException {
    ClassStatsCalculator sums = new ClassStatsCalculator();
    DatasetScan.forEach(c, datasetId, (image, labels) -> add(sums, image.width(), image.height(), labels));
    return sums;
  }

  /** Adds one image with its labels (as LabelCodec bytes). */
  static void add(ClassStatsCalculator sums, int width, int height, byte[] labels) {
    sums.image(width, height);
    LabelBounds.visit(labels, into(sums));
  }

  /** Takes out one image with the labels it had. */
  static void remove(ClassStatsCalculator sums, int width, int height, byte[] labels) {
    sums.removeImage(width, height);
    LabelBounds.visit(labels, into(sums));
  }

  private static LabelBounds.Visitor into(ClassStatsCalculator sums) {
    return new LabelBounds.Visitor() {
      @Override
      public void classLabel(int classId) {
        sums.classLabel(classId);
      }

      @Override
      public void label(int classId, double minX, double minY, double maxX, double maxY, int pointCount) {
        sums.label(classId, minX, minY, maxX, maxY, pointCount);
      }
    };
  }
}
