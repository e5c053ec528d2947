package dev.loupe.core.workspace;

import dev.loupe.core.insight.Fingerprint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The duplicate fingerprints of image contents, shared by every dataset that holds the image. */
final class FingerprintStore {
  /** A fingerprint to store. */
  record Entry(String hash, Fingerprint fingerprint) {}

  private final Database db;
  private final Revisions revisions;

  FingerprintStore(Database db, Revisions revisions) {
    this.db = db;
    this.revisions = revisions;
  }

  /** The stored fingerprints of the dataset's images, by hash. */
  Map<String, Fingerprint> of(String datasetId) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT f.hash, f.readable, f.pixel_hash, f.perceptual, f.thumbnail FROM image i"
                      + " JOIN image_fingerprint f ON f.hash = i.hash WHERE i.dataset_id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
              Map<String, Fingerprint> out = new HashMap<>();
              while (rs.next()) {
                out.put(rs.getString(1),
                    new Fingerprint(rs.getBoolean(2), rs.getLong(3), rs.getLong(4), rs.getBytes(5)));
              }
              return out;
            }
          }
        });
  }

  /** Stores {@code entries} in one transaction. */
  void put(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    db.write(
        c -> {
          long now = revisions.now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "MERGE INTO image_fingerprint (hash, readable, pixel_hash, perceptual, thumbnail, created_at)"
                      + " KEY (hash) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
              Fingerprint f = e.fingerprint();
              ps.setString(1, e.hash());
              ps.setBoolean(2, f.readable());
              ps.setLong(3, f.pixelHash());
              ps.setLong(4, f.perceptual());
              ps.setBytes(5, f.thumbnail());
              ps.setLong(6, now);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }
}
