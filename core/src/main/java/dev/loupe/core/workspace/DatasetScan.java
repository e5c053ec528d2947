package dev.loupe.core.workspace;

import dev.loupe.core.domain.ImageRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads every image of a dataset with its labels in one pass. Both tables are read by table scan (in
 * insertion order, which is seq order, the order both are written in) and joined by seq as they
 * stream: on a cold cache this is several times faster than H2's join, which looks up each label row
 * at random through an index.
 */
final class DatasetScan {
  /** Receives each image with its label bytes (LabelCodec). */
  @FunctionalInterface
  interface Visitor {
    void image(ImageRecord image, byte[] labels) throws SQLException;
  }

  private DatasetScan() {}

  /**
   * How to read one dataset's rows in seq order: a table scan when the dataset holds a good part of
   * the workspace's images (sequential reads), its (dataset_id, seq) index when it is small (a table
   * scan would read every other dataset too).
   */
  static String access(Connection c, String datasetId) throws SQLException {
    long mine = 0;
    long all = 0;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT COUNT(*), (SELECT COUNT(*) FROM image) FROM image WHERE dataset_id = ?")) {
      ps.setString(1, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          mine = rs.getLong(1);
          all = rs.getLong(2);
        }
      }
    }
    return mine * 4 >= all
        ? "USE INDEX () WHERE dataset_id = ?"
        : "WHERE dataset_id = ? ORDER BY seq";
  }

  static long forEach(Connection c, String datasetId, Visitor visitor) throws SQLException {
    long count = 0;
    String how = access(c, datasetId);
    try (PreparedStatement images =
            c.prepareStatement("SELECT " + ImageStore.COLUMNS + " FROM image " + how);
        PreparedStatement labels = c.prepareStatement("SELECT seq, data FROM image_labels " + how)) {
      images.setString(1, datasetId);
      labels.setString(1, datasetId);
      images.setFetchSize(5_000);
      labels.setFetchSize(5_000);
      try (ResultSet ri = images.executeQuery();
          ResultSet rl = labels.executeQuery()) {
        boolean labelRow = rl.next();
        while (ri.next()) {
          ImageRecord image = ImageStore.record(ri);
          long seq = ri.getLong("seq");
          while (labelRow && rl.getLong(1) < seq) {
            labelRow = rl.next();
          }
          byte[] data;
          if (labelRow && rl.getLong(1) == seq) {
            data = rl.getBytes(2);
            labelRow = rl.next();
          } else {
            data = LabelStore.data(c, datasetId, image.hash());
          }
          visitor.image(image, data == null ? LabelCodec.encode(java.util.List.of()) : data);
          count++;
        }
      }
    }
    return count;
  }
}
