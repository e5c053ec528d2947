package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
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
 * The record of training runs: their arguments, status, epochs (rows of results.csv), console tail
 * and the models they made. A training backend writes it as a run goes; one process owns a workspace,
 * so runs left queued or running when it opens are marked {@link TrainingRun#INTERRUPTED}.
 */
public final class TrainingRuns {
  private static final String COLUMNS =
      "id, dataset_id, dataset_version, backend, task, name, args, status, run_dir, pid, epochs, epochs_done,"
          + " metrics, model_id, onnx_model_id, console_tail, message, created_at, started_at, finished_at,"
          + " updated_at";

  private final Database db;
  private final Revisions revisions;
  private final DatasetStore datasets;

  TrainingRuns(Database db, Revisions revisions, DatasetStore datasets) {
    this.db = db;
    this.revisions = revisions;
    this.datasets = datasets;
  }

  /** Records a new run, {@code queued}. */
  public TrainingRun create(NewTrainingRun spec) {
    Dataset dataset = datasets.require(spec.dataset());
    String id = Ids.random("trn_", 8);
    String name = spec.name() == null || spec.name().isBlank() ? dataset.slug() + "-" + id.substring(4) : spec.name();
    long now = revisions.now();
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO training_run (id, dataset_id, dataset_version, backend, task, name, args, status,"
                      + " epochs, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, dataset.id());
            ps.setObject(3, spec.datasetVersion());
            ps.setString(4, spec.backend());
            ps.setString(5, spec.task().apiName());
            ps.setString(6, name.trim());
            ps.setString(7, Json.write(spec.args()));
            ps.setString(8, TrainingRun.QUEUED);
            ps.setInt(9, spec.epochs());
            ps.setLong(10, now);
            ps.setLong(11, now);
            ps.executeUpdate();
          }
          return find(c, id).orElseThrow();
        });
  }

  /** The run is running in process {@code pid}, writing to {@code runDir}; a resumed run runs again. */
  public TrainingRun started(String runId, String runDir, long pid) {
    return db.write(
        c -> {
          long now = revisions.now();
          require(c, runId);
          ImageStore.execute(
              c, "UPDATE training_run SET status = ?, run_dir = ?, pid = ?, message = NULL, finished_at = NULL,"
                  + " started_at = COALESCE(started_at, ?), updated_at = ? WHERE id = ?",
              TrainingRun.RUNNING, runDir, pid, now, now, runId);
          return require(c, runId);
        });
  }

  /**
   * Stores epochs read from results.csv (an epoch seen again replaces the one stored), and the
   * run's metrics so far.
   *
   * @param best the columns of the best epoch so far (the one best.pt holds, as the backend judges)
   */
  public void recordEpochs(String runId, List<TrainingEpoch> epochs, Map<String, Double> best) {
    if (epochs.isEmpty()) {
      return;
    }
    db.write(
        c -> {
          require(c, runId);
          try (PreparedStatement ps =
              c.prepareStatement("MERGE INTO training_epoch (run_id, epoch, metrics) KEY (run_id, epoch) VALUES (?,?,?)")) {
            for (TrainingEpoch e : epochs) {
              ps.setString(1, runId);
              ps.setInt(2, e.epoch());
              ps.setString(3, Json.write(e.values()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
          ImageStore.execute(
              c, "UPDATE training_run SET epochs_done = (SELECT COALESCE(MAX(epoch), 0) FROM training_epoch"
                  + " WHERE run_id = ?), metrics = ?, updated_at = ? WHERE id = ?",
              runId, best.isEmpty() ? null : Json.write(best), revisions.now(), runId);
          return null;
        });
  }

  /** Keeps the latest console output of the run. */
  public void saveConsole(String runId, String consoleTail) {
    db.write(
        c -> {
          ImageStore.execute(
              c, "UPDATE training_run SET console_tail = ?, updated_at = ? WHERE id = ?",
              consoleTail, revisions.now(), runId);
          return null;
        });
  }

  /**
   * Ends a run.
   *
   * @param metrics the columns of the epoch best.pt holds (empty when none was recorded)
   * @param modelId the model made from best.pt, or null
   * @param onnxModelId the model made from its ONNX export, or null
   */
  public TrainingRun finish(
      String runId, String status, String message, Map<String, Double> metrics, String modelId, String onnxModelId) {
    if (!TrainingRun.ENDED.contains(status)) {
      throw new IllegalArgumentException("a run ends completed, failed, cancelled or interrupted, not " + status);
    }
    return db.write(
        c -> {
          require(c, runId);
          long now = revisions.now();
          ImageStore.execute(
              c, "UPDATE training_run SET status = ?, message = ?, metrics = ?, model_id = COALESCE(?, model_id),"
                  + " onnx_model_id = COALESCE(?, onnx_model_id), finished_at = ?, updated_at = ? WHERE id = ?",
              status, ImageStore.truncate(message), metrics.isEmpty() ? null : Json.write(metrics), modelId,
              onnxModelId, now, now, runId);
          return require(c, runId);
        });
  }

  public Optional<TrainingRun> find(String runId) {
    return db.read(c -> find(c, runId));
  }

  public TrainingRun require(String runId) {
    return find(runId).orElseThrow(() -> notFound(runId));
  }

  /** Every run, newest first. */
  public List<TrainingRun> list() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM training_run ORDER BY created_at DESC, id")) {
            return all(ps);
          }
        });
  }

  /** The epochs recorded for a run, in order. */
  public List<TrainingEpoch> epochs(String runId) {
    return db.read(
        c -> {
          require(c, runId);
          List<TrainingEpoch> list = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT epoch, metrics FROM training_epoch WHERE run_id = ? ORDER BY epoch")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                list.add(new TrainingEpoch(rs.getInt(1), numbers(rs.getString(2))));
              }
            }
          }
          return list;
        });
  }

  /**
   * Marks runs still queued or running as interrupted: called when the workspace opens, when no
   * process can be running them any more.
   *
   * @return how many were marked
   */
  int markInterrupted() {
    return db.write(
        c -> {
          long now = revisions.now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE training_run SET status = ?, finished_at = ?, updated_at = ?,"
                      + " message = COALESCE(message, 'the process running it ended before the run did')"
                      + " WHERE status IN (?, ?)")) {
            ps.setString(1, TrainingRun.INTERRUPTED);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.setString(4, TrainingRun.QUEUED);
            ps.setString(5, TrainingRun.RUNNING);
            return ps.executeUpdate();
          }
        });
  }

  private TrainingRun require(Connection c, String runId) throws SQLException {
    return find(c, runId).orElseThrow(() -> notFound(runId));
  }

  private static NotFoundException notFound(String runId) {
    return new NotFoundException("training run '" + runId + "' not found (see 'loupe train list')");
  }

  private Optional<TrainingRun> find(Connection c, String runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM training_run WHERE id = ?")) {
      ps.setString(1, runId);
      List<TrainingRun> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static List<TrainingRun> all(PreparedStatement ps) throws SQLException {
    List<TrainingRun> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int version = rs.getInt("dataset_version");
        Integer datasetVersion = rs.wasNull() ? null : version;
        long pid = rs.getLong("pid");
        Long processId = rs.wasNull() ? null : pid;
        Map<String, String> args = new LinkedHashMap<>();
        Json.map(rs.getString("args")).forEach((k, v) -> args.put(k, String.valueOf(v)));
        list.add(
            new TrainingRun(
                rs.getString("id"),
                rs.getString("dataset_id"),
                datasetVersion,
                rs.getString("backend"),
                Task.parse(rs.getString("task")),
                rs.getString("name"),
                args,
                rs.getString("status"),
                rs.getString("run_dir"),
                processId,
                rs.getInt("epochs"),
                rs.getInt("epochs_done"),
                numbers(rs.getString("metrics")),
                rs.getString("model_id"),
                rs.getString("onnx_model_id"),
                rs.getString("console_tail"),
                rs.getString("message"),
                instant(rs, "created_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "updated_at")));
      }
    }
    return list;
  }

  private static Map<String, Double> numbers(String json) {
    Map<String, Double> values = new LinkedHashMap<>();
    Json.map(json).forEach((k, v) -> {
      if (v instanceof Number n) {
        values.put(k, n.doubleValue());
      }
    });
    return values;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
