package dev.loupe.core.workspace;

import dev.loupe.core.domain.Split;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What embeddings, maps and duplicates need of an image: its content, name, split and label count. */
record InsightImage(String hash, String filename, Split split, int labelCount) {
  /** Every image of a dataset, in insertion order. */
  static List<InsightImage> all(Connection c, String datasetId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT hash, filename, split, label_count FROM image WHERE dataset_id = ? ORDER BY seq")) {
      ps.setString(1, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        List<InsightImage> out = new ArrayList<>();
        while (rs.next()) {
          out.add(new InsightImage(rs.getString(1), rs.getString(2), Split.values()[rs.getInt(3)], rs.getInt(4)));
        }
        return out;
      }
    }
  }
}
