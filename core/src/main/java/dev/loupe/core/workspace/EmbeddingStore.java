package dev.loupe.core.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Image vectors by content hash and model ({@code builtin} or a model id), as float32 bytes
 * ({@link VectorBytes}). Shared by every dataset that holds the image.
 */
final class EmbeddingStore {
  /** A vector to store. */
  record Entry(String hash, float[] vector) {}

  private final Database db;
  private final Revisions revisions;

  EmbeddingStore(Database db, Revisions revisions) {
    this.db = db;
    this.revisions = revisions;
  }

  /** The hashes of the dataset's images that have a vector of {@code model}. */
  Set<String> present(String datasetId, String model) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT i.hash FROM image i JOIN embedding e ON e.model = ? AND e.hash = i.hash"
                      + " WHERE i.dataset_id = ?")) {
            ps.setString(1, model);
            ps.setString(2, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
              Set<String> out = new HashSet<>();
              while (rs.next()) {
                out.add(rs.getString(1));
              }
              return out;
            }
          }
        });
  }

  /** The length of the dataset's stored vectors of {@code model}, 0 when it has none. */
  int dimension(String datasetId, String model) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT e.dimension FROM image i JOIN embedding e ON e.model = ? AND e.hash = i.hash"
                      + " WHERE i.dataset_id = ? LIMIT 1")) {
            ps.setString(1, model);
            ps.setString(2, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getInt(1) : 0;
            }
          }
        });
  }

  /** The vectors of {@code model} of the dataset's images that have one, in insertion order, by hash. */
  Map<String, float[]> vectors(String datasetId, String model) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT i.hash, e.vector FROM image i JOIN embedding e ON e.model = ? AND e.hash = i.hash"
                      + " WHERE i.dataset_id = ? ORDER BY i.seq")) {
            ps.setString(1, model);
            ps.setString(2, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
              Map<String, float[]> out = new LinkedHashMap<>();
              while (rs.next()) {
                out.put(rs.getString(1), VectorBytes.decode(rs.getBytes(2)));
              }
              return out;
            }
          }
        });
  }

  /** Stores {@code entries} in one transaction (replacing a vector stored for the same content). */
  void put(String model, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    db.write(
        c -> {
          long now = revisions.now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "MERGE INTO embedding (model, hash, dimension, vector, created_at) KEY (model, hash)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
              ps.setString(1, model);
              ps.setString(2, e.hash());
              ps.setInt(3, e.vector().length);
              ps.setBytes(4, VectorBytes.encode(e.vector()));
              ps.setLong(5, now);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }
}
