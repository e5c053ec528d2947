package dev.loupe.core.workspace;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The images of datasets: list (every sort and filter of the images API), get, move between splits,
 * delete. Listing goes through an in-memory {@link ImageIndex} per dataset, loaded on first use and
 * kept in step with every write.
 */
public final class ImageStore {
  static final String COLUMNS =
      "hash, seq, filename, width, height, size, split, label_count, has_error, image_error,"
          + " label_error, url, created_at, updated_at, revision";

  private final Database db;
  private final Revisions revisions;
  private final DatasetStore datasets;
  private final AtomicLong lastSeq;
  private final Map<String, ImageIndex> indexes = new ConcurrentHashMap<>();
  /** The dataset revision each index file was saved or read at. */
  private final Map<String, Long> savedAt = new ConcurrentHashMap<>();
  private final java.nio.file.Path root;

  ImageStore(Database db, Revisions revisions, DatasetStore datasets, long lastSeq, java.nio.file.Path root) {
    this.root = root;
    this.db = db;
    this.revisions = revisions;
    this.datasets = datasets;
    this.lastSeq = new AtomicLong(lastSeq);
  }

  /** One page of a dataset's images. */
  public ImagePage list(String datasetIdOrSlug, ImageQuery query) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    long head = 0;
    long mask = 0;
    String search = query.search();
    if (search != null && search.length() >= 4 && search.matches("[0-9a-fA-F]+")) {
      String prefix = search.length() > 16 ? search.substring(0, 16) : search;
      int bits = prefix.length() * 4;
      mask = bits == 64 ? -1L : ((1L << bits) - 1) << (64 - bits);
      head = Long.parseUnsignedLong(prefix, 16) << (64 - bits);
    }
    ImageIndex.Result result = index(datasetId).query(query, head, mask);
    return new ImagePage(fetch(datasetId, result.seqs()), result.total(), result.nextCursor());
  }

  /** How many images and labels a dataset holds, per split. */
  public DatasetCounts counts(String datasetIdOrSlug) {
    long[] c = index(datasets.require(datasetIdOrSlug).id()).counts();
    return new DatasetCounts(c[0] + c[1] + c[2], c[3], c[0], c[1], c[2]);
  }

  /** Images and labels per split (train, val, test), for the statistics view's split breakdown. */
  public List<SplitCount> splitCounts(String datasetIdOrSlug) {
    long[][] c = index(datasets.require(datasetIdOrSlug).id()).splitCounts();
    List<SplitCount> out = new ArrayList<>(c.length);
    for (Split s : Split.values()) {
      out.add(new SplitCount(s, c[s.ordinal()][0], c[s.ordinal()][1]));
    }
    return out;
  }

  public Optional<ImageRecord> find(String datasetIdOrSlug, String hash) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    return db.read(c -> find(c, datasetId, hash));
  }

  public ImageRecord require(String datasetIdOrSlug, String hash) {
    return find(datasetIdOrSlug, hash)
        .orElseThrow(() -> new NotFoundException("image " + hash + " not found in dataset " + datasetIdOrSlug));
  }

  Optional<ImageRecord> find(Connection c, String datasetId, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM image WHERE dataset_id = ? AND hash = ?")) {
      ps.setString(1, datasetId);
      ps.setString(2, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    }
  }

  /** Moves images to a split ({@code PATCH /images/bulk}); returns how many moved. */
  public int moveToSplit(String datasetIdOrSlug, Collection<String> hashes, Split split) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    ImageIndex index = index(datasetId);
    return db.exclusively(
        () -> {
          List<Long> moved =
              db.write(
                  c -> {
                    List<Long> seqs = new ArrayList<>();
                    long now = revisions.now();
                    try (PreparedStatement ps =
                        c.prepareStatement(
                            "UPDATE image SET split = ?, updated_at = ?, revision = ? WHERE dataset_id = ?"
                                + " AND hash = ? AND split <> ?")) {
                      for (String hash : hashes) {
                        ps.setInt(1, split.ordinal());
                        ps.setLong(2, now);
                        ps.setLong(3, revisions.next());
                        ps.setString(4, datasetId);
                        ps.setString(5, hash);
                        ps.setInt(6, split.ordinal());
                        if (ps.executeUpdate() == 1) {
                          seqs.add(seqOf(c, datasetId, hash));
                        }
                      }
                    }
                    if (!seqs.isEmpty()) {
                      datasets.touch(c, datasetId);
                    }
                    return seqs;
                  });
          moved.forEach(s -> index.setSplit(s, split));
          return moved.size();
        });
  }

  /**
   * Deletes images from a dataset ({@code DELETE /images/bulk}), leaving a tombstone for each so a
   * sync can carry the deletion. The bytes stay in the content store while anything refers to them.
   */
  public int delete(String datasetIdOrSlug, Collection<String> hashes) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    ImageIndex index = index(datasetId);
    return db.exclusively(
        () -> {
          List<Long> deleted =
              db.write(
                  c -> {
                    List<Long> seqs = new ArrayList<>();
                    long now = revisions.now();
                    dev.loupe.core.stats.ClassStatsCalculator sums = StatsSums.load(c, datasetId);
                    for (String hash : hashes) {
                      Long seq = seqOf(c, datasetId, hash);
                      if (seq == null) {
                        continue;
                      }
                      Object[] old = StatsSums.image(c, datasetId, hash);
                      if (old != null) {
                        StatsSums.remove(sums, (int) old[0], (int) old[1], (byte[]) old[2]);
                      }
                      execute(c, "DELETE FROM image_labels WHERE seq = ?", seq);
                      execute(c, "DELETE FROM image WHERE dataset_id = ? AND hash = ?", datasetId, hash);
                      execute(c, "DELETE FROM tombstone WHERE dataset_id = ? AND hash = ?", datasetId, hash);
                      try (PreparedStatement ps =
                          c.prepareStatement(
                              "INSERT INTO tombstone (dataset_id, hash, deleted_at, revision) VALUES (?,?,?,?)")) {
                        ps.setString(1, datasetId);
                        ps.setString(2, hash);
                        ps.setLong(3, now);
                        ps.setLong(4, revisions.next());
                        ps.executeUpdate();
                      }
                      seqs.add(seq);
                    }
                    if (!seqs.isEmpty()) {
                      StatsSums.save(c, datasetId, sums);
                      datasets.touch(c, datasetId);
                    }
                    return seqs;
                  });
          deleted.forEach(index::remove);
          return deleted.size();
        });
  }

  /**
   * Adds images whose bytes are already stored (a sync pulling records, a benchmark filling a
   * dataset); images the dataset already holds are left out.
   *
   * @return how many were added
   */
  public int add(String datasetIdOrSlug, List<NewImage> newImages) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    ImageIndex index = index(datasetId);
    return db.exclusively(
        () -> {
          List<ImageIndex.Row> rows =
              db.write(
                  c -> {
                    List<NewImage> fresh = new ArrayList<>(newImages.size());
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (NewImage img : newImages) {
                      if (seen.add(img.hash()) && seqOf(c, datasetId, img.hash()) == null) {
                        fresh.add(img);
                      }
                    }
                    List<ImageIndex.Row> r = insert(c, datasetId, fresh);
                    datasets.touch(c, datasetId);
                    return r;
                  });
          appendOrForget(datasetId, index, rows);
          return rows.size();
        });
  }

  /** Hashes of the images deleted from a dataset since {@code afterRevision} (for sync). */
  public List<String> tombstones(String datasetIdOrSlug, long afterRevision) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    return db.read(
        c -> {
          List<String> hashes = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT hash FROM tombstone WHERE dataset_id = ? AND revision > ? ORDER BY revision")) {
            ps.setString(1, datasetId);
            ps.setLong(2, afterRevision);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                hashes.add(rs.getString(1));
              }
            }
          }
          return hashes;
        });
  }

  /**
   * Adds images with their labels in the caller's transaction. An image whose hash the dataset
   * already holds is not added.
   *
   * @return the rows to append to the dataset's index once the transaction commits
   */
  List<ImageIndex.Row> insert(Connection c, String datasetId, List<NewImage> images) throws SQLException {
    List<ImageIndex.Row> rows = new ArrayList<>(images.size());
    dev.loupe.core.stats.ClassStatsCalculator sums = StatsSums.load(c, datasetId);
    boolean tombstones = hasTombstones(c, datasetId);
    long now = revisions.now();
    try (PreparedStatement image =
            c.prepareStatement(
                "INSERT INTO image (dataset_id, hash, seq, filename, width, height, size, split,"
                    + " label_count, class_ids, has_error, image_error, label_error, url, created_at,"
                    + " updated_at, revision) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        PreparedStatement labels =
            c.prepareStatement("INSERT INTO image_labels (dataset_id, hash, seq, data) VALUES (?,?,?,?)");
        PreparedStatement tomb =
            c.prepareStatement("DELETE FROM tombstone WHERE dataset_id = ? AND hash = ?")) {
      for (NewImage img : images) {
        long seq = lastSeq.incrementAndGet();
        byte[] classIds = LabelCodec.classIds(img.labels());
        boolean hasError = img.imageError() != null || img.labelError() != null;
        image.setString(1, datasetId);
        image.setString(2, img.hash());
        image.setLong(3, seq);
        image.setString(4, img.filename());
        image.setInt(5, img.width());
        image.setInt(6, img.height());
        image.setLong(7, img.size());
        image.setInt(8, img.split().ordinal());
        image.setInt(9, img.labels().size());
        image.setBytes(10, classIds);
        image.setBoolean(11, hasError);
        image.setString(12, truncate(img.imageError()));
        image.setString(13, truncate(img.labelError()));
        image.setString(14, img.url());
        image.setLong(15, now);
        image.setLong(16, now);
        image.setLong(17, revisions.next());
        image.addBatch();
        labels.setString(1, datasetId);
        labels.setString(2, img.hash());
        labels.setLong(3, seq);
        byte[] labelBytes = LabelCodec.encode(img.labels());
        StatsSums.add(sums, img.width(), img.height(), labelBytes);
        labels.setBytes(4, labelBytes);
        labels.addBatch();
        if (tombstones) {
          tomb.setString(1, datasetId);
          tomb.setString(2, img.hash());
          tomb.addBatch();
        }
        rows.add(
            new ImageIndex.Row(
                seq, hashHead(img.hash()), img.filename(), img.width(), img.height(), img.size(),
                img.split(), img.labels().size(), hasError, LabelCodec.classIdArray(img.labels())));
      }
      image.executeBatch();
      labels.executeBatch();
      tomb.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement("MERGE INTO meta (name, counter) KEY (name) VALUES ('last_seq', ?)")) {
      ps.setLong(1, lastSeq.get());
      ps.executeUpdate();
    }
    StatsSums.save(c, datasetId, sums);
    return rows;
  }

  private static boolean hasTombstones(Connection c, String datasetId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tombstone WHERE dataset_id = ? LIMIT 1")) {
      ps.setString(1, datasetId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The dataset's index, loaded from the database the first time. */
  ImageIndex index(String datasetId) {
    ImageIndex index = indexes.get(datasetId);
    if (index != null) {
      return index;
    }
    return db.exclusively(() -> indexes.computeIfAbsent(datasetId, this::load));
  }

  /**
   * Adds committed rows to a dataset's index; if that fails the index is forgotten (and its file
   * deleted), so the next use rebuilds it from the database instead of missing the rows.
   */
  void appendOrForget(String datasetId, ImageIndex index, List<ImageIndex.Row> rows) {
    try {
      index.append(rows);
    } catch (RuntimeException e) {
      deleteIndex(datasetId);
      throw e;
    }
  }

  /** Forgets a dataset's index (after it was deleted or rebuilt wholesale). */
  void dropIndex(String datasetId) {
    indexes.remove(datasetId);
    savedAt.remove(datasetId);
  }

  /** Forgets a dataset's index and its saved file (the dataset is gone). */
  void deleteIndex(String datasetId) {
    dropIndex(datasetId);
    ImageIndexFile.delete(root, datasetId);
  }

  /**
   * Saves every open index whose dataset changed since it was last saved, so the next process opens
   * those datasets from the file. Called when the workspace closes.
   */
  void saveIndexes() {
    db.exclusively(
        () -> {
          for (Map.Entry<String, ImageIndex> e : indexes.entrySet()) {
            Long revision = revisionOf(e.getKey());
            if (revision == null || revision.equals(savedAt.get(e.getKey()))) {
              continue;
            }
            try {
              ImageIndexFile.write(ImageIndexFile.path(root, e.getKey()), e.getValue(), revision);
              savedAt.put(e.getKey(), revision);
            } catch (java.io.IOException ex) {
              ImageIndexFile.delete(root, e.getKey());
            }
          }
          return null;
        });
  }

  private Long revisionOf(String datasetId) {
    return db.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM dataset WHERE id = ?")) {
            ps.setString(1, datasetId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getLong(1) : null;
            }
          }
        });
  }

  private ImageIndex load(String datasetId) {
    Long revision = revisionOf(datasetId);
    if (revision != null) {
      ImageIndex saved = ImageIndexFile.read(ImageIndexFile.path(root, datasetId), revision);
      if (saved != null) {
        savedAt.put(datasetId, revision);
        return saved;
      }
    }
    ImageIndex index = new ImageIndex();
    List<ImageIndex.Row> rows = new ArrayList<>();
    db.read(
        c -> {
          // rows in seq order along the primary key, skipping other datasets' rows (DatasetScan)
          long[] range = DatasetScan.seqRange(c, datasetId);
          try (PreparedStatement ps =
                  DatasetScan.rangeQuery(
                      c, "image",
                      "seq, hash, filename, width, height, size, split, label_count, has_error, class_ids",
                      range);
              ResultSet rs = ps.executeQuery()) {
            Split[] splits = Split.values();
            while (rs.next()) {
              if (datasetId.equals(rs.getString(1))) {
                rows.add(
                    new ImageIndex.Row(
                        rs.getLong(2), hashHead(rs.getString(3)), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getLong(7), splits[rs.getInt(8)], rs.getInt(9),
                        rs.getBoolean(10), LabelCodec.classIds(rs.getBytes(11))));
              }
            }
          }
          return null;
        });
    rows.sort(java.util.Comparator.comparingLong(ImageIndex.Row::seq));
    index.append(rows);
    index.prepareOrders();
    return index;
  }

  /** Full records for the seqs of a page, in page order (IN lists of bound parameters use the index). */
  private List<ImageRecord> fetch(String datasetId, long[] seqs) {
    if (seqs.length == 0) {
      return List.of();
    }
    return db.read(
        c -> {
          Map<Long, ImageRecord> bySeq = new HashMap<>(seqs.length * 2);
          int chunk = 500;
          for (int from = 0; from < seqs.length; from += chunk) {
            int n = Math.min(chunk, seqs.length - from);
            String marks = String.join(",", java.util.Collections.nCopies(n, "?"));
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT dataset_id, " + COLUMNS + " FROM image WHERE seq IN (" + marks + ")")) {
              for (int i = 0; i < n; i++) {
                ps.setLong(i + 1, seqs[from + i]);
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  if (datasetId.equals(rs.getString("dataset_id"))) {
                    bySeq.put(rs.getLong("seq"), record(rs));
                  }
                }
              }
            }
          }
          List<ImageRecord> out = new ArrayList<>(seqs.length);
          for (long s : seqs) {
            ImageRecord r = bySeq.get(s);
            if (r != null) {
              out.add(r);
            }
          }
          return out;
        });
  }

  static ImageRecord record(ResultSet rs) throws SQLException {
    String imageError = rs.getString("image_error");
    String labelError = rs.getString("label_error");
    String reason =
        imageError == null ? labelError : labelError == null ? imageError : imageError + "; " + labelError;
    return new ImageRecord(
        rs.getString("hash"),
        rs.getString("filename"),
        rs.getInt("width"),
        rs.getInt("height"),
        rs.getLong("size"),
        Split.values()[rs.getInt("split")],
        rs.getInt("label_count"),
        rs.getBoolean("has_error"),
        reason,
        rs.getString("url"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getLong("revision"));
  }

  static Long seqOf(Connection c, String datasetId, String hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM image WHERE dataset_id = ? AND hash = ?")) {
      ps.setString(1, datasetId);
      ps.setString(2, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  static void execute(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }

  static long hashHead(String hash) {
    return Long.parseUnsignedLong(hash.substring(0, 16), 16);
  }

  static String truncate(String text) {
    return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }
}
