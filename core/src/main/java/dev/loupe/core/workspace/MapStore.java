package dev.loupe.core.workspace;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Dataset maps as made: one row each, its points in one blob (hash, x, y, cluster per point). */
final class MapStore {
  /** A point as stored. */
  record Point(String hash, float x, float y, int cluster) {}

  /** A map as stored. */
  record Stored(String datasetId, String model, long seed, int clusters, Instant createdAt, List<Point> points) {}

  private static final int POINT_BYTES = 32 + 4 + 4 + 4;

  private final Database db;

  MapStore(Database db) {
    this.db = db;
  }

  /** Stores a map in one transaction. */
  void put(Stored map) {
    ByteBuffer points = ByteBuffer.allocate(Math.multiplyExact(map.points().size(), POINT_BYTES));
    for (Point p : map.points()) {
      points.put(HexFormat.of().parseHex(p.hash()));
      points.putFloat(p.x());
      points.putFloat(p.y());
      points.putInt(p.cluster());
    }
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO dataset_map (id, dataset_id, model, seed, clusters, point_count, points, created_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, Ids.random("map_", 12));
            ps.setString(2, map.datasetId());
            ps.setString(3, map.model());
            ps.setLong(4, map.seed());
            ps.setInt(5, map.clusters());
            ps.setInt(6, map.points().size());
            ps.setBytes(7, points.array());
            ps.setLong(8, map.createdAt().toEpochMilli());
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** The newest map of the dataset for {@code model}. */
  Optional<Stored> newest(String datasetId, String model) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seed, clusters, points, created_at FROM dataset_map WHERE dataset_id = ? AND model = ?"
                      + " ORDER BY created_at DESC, id DESC LIMIT 1")) {
            ps.setString(1, datasetId);
            ps.setString(2, model);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              ByteBuffer bytes = ByteBuffer.wrap(rs.getBytes(3));
              List<Point> points = new ArrayList<>(bytes.remaining() / POINT_BYTES);
              byte[] hash = new byte[32];
              while (bytes.remaining() >= POINT_BYTES) {
                bytes.get(hash);
                points.add(new Point(HexFormat.of().formatHex(hash), bytes.getFloat(), bytes.getFloat(), bytes.getInt()));
              }
              return Optional.of(new Stored(
                  datasetId, model, rs.getLong(1), rs.getInt(2), Instant.ofEpochMilli(rs.getLong(4)), points));
            }
          }
        });
  }
}
