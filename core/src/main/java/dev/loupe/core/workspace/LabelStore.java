package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The labels of one image: get and replace, as {@code GET/PUT /images/{hash}/labels}. */
public final class LabelStore {
  private final Database db;
  private final Revisions revisions;
  private final DatasetStore datasets;
  private final ImageStore images;

  LabelStore(Database db, Revisions revisions, DatasetStore datasets, ImageStore images) {
    this.db = db;
    this.revisions = revisions;
    this.datasets = datasets;
    this.images = images;
  }

  public List<Label> get(String datasetIdOrSlug, String hash) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    return db.read(
        c -> {
          byte[] data = data(c, datasetId, hash);
          if (data == null) {
            throw new NotFoundException("image " + hash + " not found in dataset " + datasetIdOrSlug);
          }
          return LabelCodec.decode(data);
        });
  }

  /**
   * Replaces the labels of an image after validating them against the dataset; bumps the image's
   * revision. Refused labels leave the stored ones untouched.
   */
  public void put(String datasetIdOrSlug, String hash, List<Label> labels) {
    db.exclusively(
        () -> {
          // validated and indexed under the write lock: no class change or index reload can come
          // between the check and the write
          Dataset dataset = datasets.require(datasetIdOrSlug);
          String labelError = LabelValidator.validate(dataset, labels);
          ImageIndex index = images.index(dataset.id());
          long[] seqAndError =
              db.write(
                  c -> {
                    long[] found = seqAndImageError(c, dataset.id(), hash);
                    if (found == null) {
                      throw new NotFoundException("image " + hash + " not found in dataset " + dataset.slug());
                    }
                    dev.loupe.core.stats.ClassStatsCalculator sums = StatsSums.load(c, dataset.id());
                    Object[] old = StatsSums.image(c, dataset.id(), hash);
                    StatsSums.remove(sums, (int) old[0], (int) old[1], (byte[]) old[2]);
                    StatsSums.add(sums, (int) old[0], (int) old[1], LabelCodec.encode(labels));
                    write(c, dataset.id(), hash, labels, labelError);
                    StatsSums.save(c, dataset.id(), sums);
                    datasets.touch(c, dataset.id());
                    return found;
                  });
          index.updateLabels(
              seqAndError[0], labels.size(), LabelCodec.classIdArray(labels),
              seqAndError[1] == 1 || labelError != null);
          return null;
        });
  }

  /** What a batch write does per image, in the batch's transaction. */
  interface BatchHook {
    /**
     * Called before an image's labels are replaced, with the labels it has (LabelCodec bytes) and
     * its revision; returns false to leave this image alone.
     */
    boolean before(Connection c, String hash, byte[] previousLabels, long revision) throws SQLException;

    /** Called after the image's labels were replaced, with the revision the write gave it. */
    void after(Connection c, String hash, long revision) throws SQLException;

    /** Called last in the transaction, after every image. */
    default void end(Connection c) throws SQLException {}
  }

  /** The outcome of a batch write: the hashes written, and those refused with the reason. */
  record BatchResult(List<String> written, java.util.Map<String, String> refused) {}

  /**
   * Replaces the labels of several images of one dataset in one transaction, as {@link #put} does
   * for one: validated, class statistics and the image index kept in step. Images whose labels are
   * refused, or that are no longer in the dataset, are left out and reported; the hook may leave
   * out others.
   */
  BatchResult putBatch(String datasetId, java.util.Map<String, List<Label>> labelsByHash, BatchHook hook) {
    return db.exclusively(
        () -> {
          Dataset dataset = datasets.require(datasetId);
          java.util.Map<String, String> refused = new java.util.LinkedHashMap<>();
          java.util.Map<String, String> labelErrors = new java.util.HashMap<>();
          java.util.Map<String, List<Label>> valid = new java.util.LinkedHashMap<>();
          labelsByHash.forEach(
              (hash, labels) -> {
                try {
                  labelErrors.put(hash, LabelValidator.validate(dataset, labels));
                  valid.put(hash, labels);
                } catch (InvalidLabelsException e) {
                  refused.put(hash, e.getMessage());
                }
              });
          ImageIndex index = images.index(dataset.id());
          java.util.Map<String, long[]> written = new java.util.LinkedHashMap<>();
          db.write(
              c -> {
                dev.loupe.core.stats.ClassStatsCalculator sums = StatsSums.load(c, dataset.id());
                for (var entry : valid.entrySet()) {
                  String hash = entry.getKey();
                  long[] found = seqAndImageError(c, dataset.id(), hash);
                  Object[] old = StatsSums.image(c, dataset.id(), hash);
                  if (found == null || old == null) {
                    refused.put(hash, "image " + hash + " is no longer in dataset " + dataset.slug());
                    continue;
                  }
                  if (!hook.before(c, hash, (byte[]) old[2], revisionOf(c, dataset.id(), hash))) {
                    continue;
                  }
                  StatsSums.remove(sums, (int) old[0], (int) old[1], (byte[]) old[2]);
                  StatsSums.add(sums, (int) old[0], (int) old[1], LabelCodec.encode(entry.getValue()));
                  write(c, dataset.id(), hash, entry.getValue(), labelErrors.get(hash));
                  hook.after(c, hash, revisionOf(c, dataset.id(), hash));
                  written.put(hash, found);
                }
                if (!written.isEmpty()) {
                  StatsSums.save(c, dataset.id(), sums);
                  datasets.touch(c, dataset.id());
                }
                hook.end(c);
                return null;
              });
          written.forEach(
              (hash, seqAndError) -> {
                List<Label> labels = valid.get(hash);
                index.updateLabels(
                    seqAndError[0], labels.size(), LabelCodec.classIdArray(labels),
                    seqAndError[1] == 1 || labelErrors.get(hash) != null);
              });
          return new BatchResult(List.copyOf(written.keySet()), refused);
        });
  }

  private static long revisionOf(Connection c, String datasetId, String hash) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM image WHERE dataset_id = ? AND hash = ?")) {
      ps.setString(1, datasetId);
      ps.setString(2, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }

  /** Writes labels and the image's derived columns in the caller's transaction. */
  void write(Connection c, String datasetId, String hash, List<Label> labels, String labelError)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE image SET label_count = ?, class_ids = ?, label_error = ?,"
                + " has_error = (image_error IS NOT NULL OR ? IS NOT NULL), updated_at = ?, revision = ?"
                + " WHERE dataset_id = ? AND hash = ?")) {
      ps.setInt(1, labels.size());
      ps.setBytes(2, LabelCodec.classIds(labels));
      ps.setString(3, ImageStore.truncate(labelError));
      ps.setString(4, labelError);
      ps.setLong(5, revisions.now());
      ps.setLong(6, revisions.next());
      ps.setString(7, datasetId);
      ps.setString(8, hash);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE image_labels SET data = ? WHERE seq = (SELECT seq FROM image WHERE dataset_id = ? AND hash = ?)")) {
      ps.setBytes(1, LabelCodec.encode(labels));
      ps.setString(2, datasetId);
      ps.setString(3, hash);
      ps.executeUpdate();
    }
  }

  /** The image's seq and whether its bytes are flagged (1) or not (0); null when absent. */
  private static long[] seqAndImageError(Connection c, String datasetId, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT seq, image_error FROM image WHERE dataset_id = ? AND hash = ?")) {
      ps.setString(1, datasetId);
      ps.setString(2, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new long[] {rs.getLong(1), rs.getString(2) != null ? 1 : 0} : null;
      }
    }
  }

  static byte[] data(Connection c, String datasetId, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT data FROM image_labels WHERE seq = (SELECT seq FROM image WHERE dataset_id = ? AND hash = ?)")) {
      ps.setString(1, datasetId);
      ps.setString(2, hash);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getBytes(1) : null;
      }
    }
  }
}
