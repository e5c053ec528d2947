package dev.loupe.core.workspace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.formats.ExportItem;
import dev.loupe.core.formats.ExportSource;
import dev.loupe.core.formats.ndjson.NdjsonWriter;
import dev.loupe.core.task.TaskMonitor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Numbered, immutable dataset versions ({@code POST/PATCH /api/datasets/{id}/export}): each is an
 * NDJSON snapshot under {@code versions/<dataset>/v<N>.ndjson} that names every image by its hash, so
 * a version can be exported in any format long after the live dataset moved on.
 */
public final class VersionStore {
  private final Workspace workspace;
  private final Formats formats;

  VersionStore(Workspace workspace, Formats formats) {
    this.workspace = workspace;
    this.formats = formats;
  }

  /** Snapshots the dataset as it is now. */
  public DatasetVersion create(String datasetIdOrSlug, String description, TaskMonitor monitor)
      throws IOException {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    try {
      return workspace.db().exclusively(() -> {
        try {
          return snapshot(dataset, description == null ? "" : description, monitor);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private DatasetVersion snapshot(Dataset dataset, String description, TaskMonitor monitor) throws IOException {
    int number = next(dataset.id());
    Path dir = Files.createDirectories(workspace.root().resolve("versions").resolve(dataset.id()));
    Path file = dir.resolve("v" + number + ".ndjson");
    Path temp = Files.createTempFile(workspace.root().resolve("tmp"), "version", ".ndjson");
    WorkspaceExportSource live = new WorkspaceExportSource(workspace, dataset);
    Map<String, Long> splits = new LinkedHashMap<>();
    long[] labels = {0};
    long[] bytes = {0};
    ExportSource counting =
        new ExportSource() {
          @Override
          public Dataset dataset() {
            return dataset;
          }

          @Override
          public long imageCount() {
            return live.imageCount();
          }

          @Override
          public void forEach(Consumer<ExportItem> out, TaskMonitor m) throws IOException {
            live.forEach(
                item -> {
                  splits.merge(item.image().split().apiName(), 1L, Long::sum);
                  labels[0] += item.labels().size();
                  bytes[0] += item.image().size();
                  out.accept(item);
                },
                m);
          }
        };
    NdjsonWriter writer = new NdjsonWriter(true, number);
    long images = writer.write(counting, temp, monitor);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    long now = workspace.revisions().now();
    workspace.db().write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO dataset_version (dataset_id, number, description, created_at, image_count,"
                      + " class_count, label_count, split_counts, file, bytes) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, dataset.id());
            ps.setInt(2, number);
            ps.setString(3, description);
            ps.setLong(4, now);
            ps.setLong(5, images);
            ps.setInt(6, dataset.classCount());
            ps.setLong(7, labels[0]);
            ps.setString(8, Json.write(splits));
            ps.setString(9, workspace.root().relativize(file).toString());
            ps.setLong(10, bytes[0]);
            ps.executeUpdate();
          }
          return null;
        });
    return get(dataset.id(), number);
  }

  public List<DatasetVersion> list(String datasetIdOrSlug) {
    String id = workspace.datasets().require(datasetIdOrSlug).id();
    return workspace.db().read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT * FROM dataset_version WHERE dataset_id = ? ORDER BY number")) {
            ps.setString(1, id);
            return versions(ps);
          }
        });
  }

  public DatasetVersion get(String datasetIdOrSlug, int number) {
    String id = workspace.datasets().require(datasetIdOrSlug).id();
    List<DatasetVersion> found =
        workspace.db().read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT * FROM dataset_version WHERE dataset_id = ? AND number = ?")) {
                ps.setString(1, id);
                ps.setInt(2, number);
                return versions(ps);
              }
            });
    if (found.isEmpty()) {
      throw new NotFoundException("dataset " + datasetIdOrSlug + " has no version " + number);
    }
    return found.get(0);
  }

  /** Edits a version's description, the one thing about it that may change. */
  public DatasetVersion describe(String datasetIdOrSlug, int number, String description) {
    DatasetVersion version = get(datasetIdOrSlug, number);
    workspace.db().write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE dataset_version SET description = ? WHERE dataset_id = ? AND number = ?")) {
            ps.setString(1, description == null ? "" : description);
            ps.setString(2, version.datasetId());
            ps.setInt(3, number);
            ps.executeUpdate();
          }
          return null;
        });
    return get(version.datasetId(), number);
  }

  /** Writes a version in a format ({@code yolo}, {@code ndjson}, {@code coco}, {@code classify}). */
  public long export(String datasetIdOrSlug, int number, String format, Path target, TaskMonitor monitor)
      throws IOException {
    DatasetVersion version = get(datasetIdOrSlug, number);
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    DatasetWriter writer = formats.writer(format, dataset.task());
    ExportSource source = new SnapshotSource(workspace, dataset, version);
    return writer.write(source, target, monitor);
  }

  private int next(String datasetId) {
    return workspace.db().read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COALESCE(MAX(number), 0) + 1 FROM dataset_version WHERE dataset_id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getInt(1);
            }
          }
        });
  }

  private List<DatasetVersion> versions(PreparedStatement ps) throws java.sql.SQLException {
    List<DatasetVersion> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, Long> splits = new LinkedHashMap<>();
        Json.map(rs.getString("split_counts")).forEach((k, v) -> splits.put(k, ((Number) v).longValue()));
        list.add(
            new DatasetVersion(
                rs.getString("dataset_id"), rs.getInt("number"), rs.getString("description"),
                Instant.ofEpochMilli(rs.getLong("created_at")), rs.getLong("image_count"),
                rs.getInt("class_count"), rs.getLong("label_count"), splits, rs.getLong("bytes"),
                workspace.root().resolve(rs.getString("file"))));
      }
    }
    return list;
  }

  /** Every image hash named by any version snapshot (their bytes must outlive the live images). */
  static Set<String> referencedHashes(Workspace workspace) {
    Set<String> hashes = new HashSet<>();
    Path root = workspace.root().resolve("versions");
    if (!Files.isDirectory(root)) {
      return hashes;
    }
    JsonFactory factory = new JsonFactory();
    try (var files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".ndjson"))::iterator) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line; (line = reader.readLine()) != null; ) {
            int at = line.indexOf("\"hash\"");
            if (at < 0) {
              continue;
            }
            try (JsonParser p = factory.createParser(line)) {
              if (p.nextToken() != JsonToken.START_OBJECT) {
                continue;
              }
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("hash".equals(name)) {
                  hashes.add(p.getText());
                } else {
                  p.skipChildren();
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version snapshots: " + e.getMessage(), e);
    }
    return hashes;
  }
}
