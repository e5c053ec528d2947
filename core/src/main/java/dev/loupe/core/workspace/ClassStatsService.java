package dev.loupe.core.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.stats.ClassStatsCalculator;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Class statistics over every image of a dataset, cached in the workspace until the dataset's
 * revision changes (the platform samples and caches for 5 minutes; Loupe is exact and never stale).
 */
public final class ClassStatsService {
  private final Workspace workspace;

  ClassStatsService(Workspace workspace) {
    this.workspace = workspace;
  }

  public ClassStats get(String datasetIdOrSlug) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    ClassStats cached = cached(dataset);
    if (cached != null) {
      return cached;
    }
    ClassStats stats = compute(dataset);
    store(dataset, stats);
    return stats;
  }

  private ClassStats cached(Dataset dataset) {
    String json =
        workspace.db().read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT json FROM class_stats_cache WHERE dataset_id = ? AND revision = ?")) {
                ps.setString(1, dataset.id());
                ps.setLong(2, dataset.revision());
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getString(1) : null;
                }
              }
            });
    if (json == null) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(json, ClassStats.class).withCached(true);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private void store(Dataset dataset, ClassStats stats) {
    String json = Json.write(stats);
    workspace.db().write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "MERGE INTO class_stats_cache (dataset_id, revision, json) KEY (dataset_id) VALUES (?,?,?)")) {
            ps.setString(1, dataset.id());
            ps.setLong(2, dataset.revision());
            ps.setString(3, json);
            ps.executeUpdate();
          }
          return null;
        });
  }

  ClassStats compute(Dataset dataset) {
    ImageIndex index = workspace.images().index(dataset.id());
    ClassStatsCalculator calc = new ClassStatsCalculator(dataset.classNames());
    workspace.db().read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT seq, data FROM image_labels WHERE dataset_id = ?")) {
            ps.setString(1, dataset.id());
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int[] dims = index.dimensions(rs.getLong(1));
                if (dims == null) {
                  continue;
                }
                calc.image(dims[0], dims[1]);
                LabelCodec.visit(rs.getBytes(2), (kind, classId, buffer, n) -> visit(calc, kind, classId, buffer, n));
              }
            }
          }
          return null;
        });
    return calc.build();
  }

  private static void visit(ClassStatsCalculator calc, byte kind, int classId, ByteBuffer b, int n) {
    int at = b.position();
    switch (kind) {
      case LabelCodec.CLASS -> calc.classLabel(classId);
      case LabelCodec.BOX, LabelCodec.POSE2, LabelCodec.POSE3 -> {
        double cx = b.getDouble(at);
        double cy = b.getDouble(at + 8);
        double w = b.getDouble(at + 16);
        double h = b.getDouble(at + 24);
        int pointCount = kind == LabelCodec.BOX ? 4 : (n - 4) / (kind == LabelCodec.POSE2 ? 2 : 3);
        calc.label(classId, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, pointCount);
      }
      default -> {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < n; i += 2) {
          double x = b.getDouble(at + 8 * i);
          double y = b.getDouble(at + 8 * i + 8);
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
        calc.label(classId, minX, minY, maxX, maxY, kind == LabelCodec.OBB ? 4 : n / 2);
      }
    }
  }
}
