package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.stats.ClassStats.ClassCount;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of auto-annotation runs. A run's writes go through the label store (validation, class
 * statistics, revisions and the image index stay right) and, in the same transaction, keep every
 * touched image's previous labels, so that {@link #revert} puts them all back in one transaction.
 *
 * <p>Revert refuses, changing nothing, when an image was edited after the run wrote it (its revision
 * moved on): it lists those images, and {@code force} restores them too, dropping the later edits.
 * Reverting a later run that put an image back where an earlier run left it is not such an edit:
 * runs can be undone newest first.
 * Images deleted since are skipped and listed.
 */
public final class AnnotationRuns {
  private static final String COLUMNS =
      "id, dataset_id, model_id, model_name, conf, iou, selection, state, images_total, images_done,"
          + " images_failed, images_labeled, labels_added, labels_skipped, message, created_at,"
          + " finished_at, reverted_at";

  private final Database db;
  private final Revisions revisions;
  private final DatasetStore datasets;
  private final LabelStore labels;

  AnnotationRuns(Database db, Revisions revisions, DatasetStore datasets, LabelStore labels) {
    this.db = db;
    this.revisions = revisions;
    this.datasets = datasets;
    this.labels = labels;
  }

  /**
   * Records a new run in state {@code running}.
   *
   * @param addedClasses the classes added to the dataset for this run (in order, at the end of its
   *     list); a revert removes them again where it can
   */
  public AnnotationRun start(
      String datasetIdOrSlug, String modelId, String modelName, double conf, double iou, String selection,
      int imagesTotal, List<String> addedClasses) {
    Dataset dataset = datasets.require(datasetIdOrSlug);
    String id = Ids.random("run_", 8);
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO annotation_run (id, dataset_id, model_id, model_name, conf, iou, selection,"
                      + " state, images_total, created_at, added_classes) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, dataset.id());
            ps.setString(3, modelId);
            ps.setString(4, modelName);
            ps.setDouble(5, conf);
            ps.setDouble(6, iou);
            ps.setString(7, selection);
            ps.setString(8, AnnotationRun.RUNNING);
            ps.setInt(9, imagesTotal);
            ps.setLong(10, revisions.now());
            ps.setString(11, addedClasses.isEmpty() ? null : Json.write(addedClasses));
            ps.executeUpdate();
          }
          return find(c, id).orElseThrow();
        });
  }

  /**
   * Writes one batch of a run: the full new labels of each image (its previous labels are kept for
   * revert) and the run's totals so far, in one transaction.
   *
   * @return images refused (hash to reason): labels the dataset does not accept, or images gone
   */
  public Map<String, String> apply(String runId, Map<String, List<Label>> labelsByHash, RunCounts counts) {
    return apply(runId, labelsByHash, Map.of(), counts);
  }

  /**
   * Like {@link #apply(String, Map, RunCounts)}, but an image whose labels are no longer those in
   * {@code expected} (edited while the run was looking at it) is left alone and reported, so that
   * no edit is overwritten.
   */
  public Map<String, String> apply(
      String runId, Map<String, List<Label>> labelsByHash, Map<String, List<Label>> expected, RunCounts counts) {
    AnnotationRun run = require(runId);
    Map<String, String> changed = new LinkedHashMap<>();
    LabelStore.BatchResult result =
        labels.putBatch(
            run.datasetId(),
            labelsByHash,
            new LabelStore.BatchHook() {
              @Override
              public boolean before(Connection c, String hash, byte[] previous, long revision) throws SQLException {
                List<Label> base = expected.get(hash);
                if (base != null && !java.util.Arrays.equals(previous, LabelCodec.encode(base))) {
                  changed.put(hash, "image " + hash + " was edited during the run: left as it is");
                  return false;
                }
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "MERGE INTO annotation_run_image (run_id, hash, previous_labels, written_revision,"
                            + " previous_revision) KEY (run_id, hash) VALUES (?, ?, ?, ?, ?)")) {
                  ps.setString(1, runId);
                  ps.setString(2, hash);
                  ps.setBytes(3, previous);
                  ps.setLong(4, revision);
                  ps.setLong(5, revision);
                  ps.executeUpdate();
                }
                return true;
              }

              @Override
              public void after(Connection c, String hash, long revision) throws SQLException {
                ImageStore.execute(
                    c, "UPDATE annotation_run_image SET written_revision = ? WHERE run_id = ? AND hash = ?",
                    revision, runId, hash);
              }

              @Override
              public void end(Connection c) throws SQLException {
                saveCounts(c, runId, counts, null);
              }
            });
    Map<String, String> refused = new LinkedHashMap<>(result.refused());
    refused.putAll(changed);
    return refused;
  }

  /** Ends a run in {@code state} with its final totals. */
  public AnnotationRun finish(String runId, String state, RunCounts counts) {
    return db.write(
        c -> {
          saveCounts(c, runId, counts, state);
          return find(c, runId).orElseThrow(() -> notFound(runId));
        });
  }

  public Optional<AnnotationRun> find(String runId) {
    return db.read(c -> find(c, runId));
  }

  public AnnotationRun require(String runId) {
    return find(runId).orElseThrow(() -> notFound(runId));
  }

  /** The runs over a dataset, newest first. */
  public List<AnnotationRun> list(String datasetIdOrSlug) {
    String datasetId = datasets.require(datasetIdOrSlug).id();
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM annotation_run WHERE dataset_id = ? ORDER BY created_at DESC, id")) {
            ps.setString(1, datasetId);
            return all(ps);
          }
        });
  }

  /** The labels an image had before the run touched it, or empty when the run did not touch it. */
  public Optional<List<Label>> previousLabels(String runId, String hash) {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT previous_labels FROM annotation_run_image WHERE run_id = ? AND hash = ?")) {
            ps.setString(1, runId);
            ps.setString(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(LabelCodec.decode(rs.getBytes(1))) : Optional.empty();
            }
          }
        });
  }

  /**
   * Puts back the labels every image had before the run, in one transaction.
   *
   * @param force also restore images edited since the run (their later edits are lost)
   * @return what was restored; {@link RevertResult#refused()} when images were edited since and
   *     force is off (then nothing changed)
   * @throws ConflictException when the run was reverted already
   */
  public RevertResult revert(String runId, boolean force) {
    AnnotationRun run = require(runId);
    if (AnnotationRun.REVERTED.equals(run.state())) {
      throw new ConflictException("run " + runId + " was reverted already (" + run.revertedAt() + ")");
    }
    Map<String, byte[]> previous = new LinkedHashMap<>();
    Map<String, Long> written = new LinkedHashMap<>();
    Map<String, Long> before = new LinkedHashMap<>();
    db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT hash, previous_labels, written_revision, previous_revision FROM annotation_run_image"
                      + " WHERE run_id = ? ORDER BY hash")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                previous.put(rs.getString(1), rs.getBytes(2));
                written.put(rs.getString(1), rs.getLong(3));
                long revision = rs.getLong(4);
                if (!rs.wasNull()) {
                  before.put(rs.getString(1), revision);
                }
              }
            }
          }
          return null;
        });
    List<String> edited = new ArrayList<>();
    java.util.Set<String> laterRuns = new java.util.LinkedHashSet<>();
    List<List<String>> classes = new ArrayList<>(List.of(List.of(), List.of()));
    Map<String, List<Label>> restore = new LinkedHashMap<>();
    previous.forEach((hash, bytes) -> restore.put(hash, LabelCodec.decode(bytes)));
    LabelStore.BatchResult result;
    try {
      result =
          labels.putBatch(
              run.datasetId(),
              restore,
              new LabelStore.BatchHook() {
                @Override
                public boolean before(Connection c, String hash, byte[] current, long revision) throws SQLException {
                  if (revision != written.get(hash)) {
                    edited.add(hash);
                    laterRuns.addAll(runsThatWrote(c, run.datasetId(), hash, revision));
                    return force;
                  }
                  return true;
                }

                @Override
                public void after(Connection c, String hash, long revision) throws SQLException {
                  // the image is back to what it was before this run: a run that had left it so
                  // (and is not reverted) counts it as unedited since, so runs undo newest first
                  Long then = before.get(hash);
                  if (then != null) {
                    ImageStore.execute(
                        c, "UPDATE annotation_run_image SET written_revision = ? WHERE hash = ? AND"
                            + " written_revision = ? AND run_id <> ? AND run_id IN (SELECT id FROM annotation_run"
                            + " WHERE dataset_id = ? AND state <> ?)",
                        revision, hash, then, runId, run.datasetId(), AnnotationRun.REVERTED);
                  }
                  // forced over later runs' writes: what they would put back is gone with them, so
                  // their revert leaves this image as it is now (not this run's labels again)
                  ImageStore.execute(
                      c, "UPDATE annotation_run_image SET previous_labels = ?, previous_revision = ?,"
                          + " written_revision = ? WHERE hash = ? AND previous_revision >= ? AND run_id <> ?"
                          + " AND run_id IN (SELECT id FROM annotation_run WHERE dataset_id = ? AND state <> ?)",
                      previous.get(hash), revision, revision, hash, written.get(hash), runId, run.datasetId(),
                      AnnotationRun.REVERTED);
                }

                @Override
                public void end(Connection c) throws SQLException {
                  if (!edited.isEmpty() && !force) {
                    throw new EditedSinceException(); // rolls back: the revert is all or nothing
                  }
                  ImageStore.execute(
                      c, "UPDATE annotation_run SET state = ?, reverted_at = ? WHERE id = ?",
                      AnnotationRun.REVERTED, revisions.now(), runId);
                  // the sums were saved before this hook: they count the labels as restored
                  classes.clear();
                  classes.addAll(removeAddedClasses(c, run));
                }
              });
    } catch (EditedSinceException e) {
      return new RevertResult(run, 0, edited, List.copyOf(laterRuns), List.of(), List.of(), List.of());
    }
    return new RevertResult(
        require(runId), result.written().size(), edited, List.copyOf(laterRuns), goneOf(result), classes.get(0),
        classes.get(1));
  }

  /** Runs (not reverted) whose write left this image at this revision: later runs over it. */
  private static List<String> runsThatWrote(Connection c, String datasetId, String hash, long revision)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.run_id FROM annotation_run_image i JOIN annotation_run r ON r.id = i.run_id"
                + " WHERE i.hash = ? AND i.written_revision = ? AND r.dataset_id = ? AND r.state <> ?")) {
      ps.setString(1, hash);
      ps.setLong(2, revision);
      ps.setString(3, datasetId);
      ps.setString(4, AnnotationRun.REVERTED);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  /**
   * Takes the classes a reverted run added off the end of the dataset's list again, as many of the
   * last ones as no label uses; they stay when classes were added after them (removing them would
   * renumber those). Runs in the revert's transaction. Returns the removed names and the kept ones.
   */
  private List<List<String>> removeAddedClasses(Connection c, AnnotationRun run) throws SQLException {
    List<String> added = addedClasses(c, run.id());
    if (added.isEmpty()) {
      return List.of(List.of(), List.of());
    }
    Dataset dataset = datasets.find(c, run.datasetId()).orElse(null);
    if (dataset == null) {
      return List.of(List.of(), added);
    }
    List<String> names = dataset.classNames();
    int n = names.size();
    if (n < added.size() || !names.subList(n - added.size(), n).equals(added)) {
      return List.of(List.of(), added);
    }
    List<ClassCount> counts = StatsSums.load(c, dataset.id()).build(names).classes();
    int keep = n;
    while (keep > n - added.size() && countOf(counts, keep - 1) == 0) {
      keep--;
    }
    if (keep < n) {
      datasets.setClassNames(c, dataset.id(), new ArrayList<>(names.subList(0, keep)));
    }
    return List.of(List.copyOf(names.subList(keep, n)), List.copyOf(added.subList(0, added.size() - (n - keep))));
  }

  private static long countOf(List<ClassCount> counts, int classId) {
    for (ClassCount count : counts) {
      if (count.classId() == classId) {
        return count.count();
      }
    }
    return 0;
  }

  private static List<String> addedClasses(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT added_classes FROM annotation_run WHERE id = ?")) {
      ps.setString(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        String json = rs.next() ? rs.getString(1) : null;
        return json == null ? List.of() : Json.stringList(json);
      }
    }
  }

  private static List<String> goneOf(LabelStore.BatchResult result) {
    return List.copyOf(result.refused().keySet());
  }

  private void saveCounts(Connection c, String runId, RunCounts counts, String state) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE annotation_run SET images_done = ?, images_failed = ?, images_labeled = ?, labels_added = ?,"
                + " labels_skipped = ?, message = ?, state = COALESCE(?, state),"
                + " finished_at = CASE WHEN ? IS NULL THEN finished_at ELSE ? END WHERE id = ?")) {
      ps.setInt(1, counts.done());
      ps.setInt(2, counts.failed());
      ps.setInt(3, counts.labeled());
      ps.setLong(4, counts.added());
      ps.setLong(5, counts.skipped());
      ps.setString(6, ImageStore.truncate(counts.message()));
      ps.setString(7, state);
      ps.setString(8, state);
      ps.setLong(9, revisions.now());
      ps.setString(10, runId);
      ps.executeUpdate();
    }
  }

  private static NotFoundException notFound(String runId) {
    return new NotFoundException("annotation run '" + runId + "' not found");
  }

  private Optional<AnnotationRun> find(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM annotation_run WHERE id = ?")) {
      ps.setString(1, runId);
      List<AnnotationRun> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }


  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static List<AnnotationRun> all(PreparedStatement ps) throws SQLException {
    List<AnnotationRun> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        list.add(
            new AnnotationRun(
                rs.getString("id"),
                rs.getString("dataset_id"),
                rs.getString("model_id"),
                rs.getString("model_name"),
                rs.getDouble("conf"),
                rs.getDouble("iou"),
                rs.getString("selection"),
                rs.getString("state"),
                rs.getInt("images_total"),
                rs.getInt("images_done"),
                rs.getInt("images_failed"),
                rs.getInt("images_labeled"),
                rs.getLong("labels_added"),
                rs.getLong("labels_skipped"),
                rs.getString("message"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                instant(rs, "finished_at"),
                instant(rs, "reverted_at")));
      }
    }
    return list;
  }

  /** Thrown inside a revert's transaction to roll it back when images were edited since. */
  private static final class EditedSinceException extends RuntimeException {
    EditedSinceException() {
      super(null, null, false, false);
    }
  }
}
