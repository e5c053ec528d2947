package dev.loupe.core.workspace;

import dev.loupe.core.domain.Task;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One recorded training run over a dataset (or one of its versions).
 *
 * @param datasetVersion the version trained on, or null for the live dataset
 * @param backend who trains: {@code local} (the ultralytics CLI on this machine)
 * @param name the run's name, as given to {@code yolo train name=...}
 * @param args the train arguments as given ({@code model}, {@code epochs}, {@code imgsz}, ...), in order
 * @param status {@link #QUEUED}, {@link #RUNNING}, {@link #COMPLETED}, {@link #FAILED}, {@link
 *     #CANCELLED} or {@link #INTERRUPTED} (its process died: found so when the workspace was opened)
 * @param runDir the run folder ({@code args.yaml}, {@code results.csv}, {@code weights/}), or null
 *     before it is known
 * @param pid the process last started for the run, or null
 * @param epochs the epochs asked for
 * @param epochsDone the highest epoch recorded
 * @param metrics the results.csv columns of the best epoch so far (the one best.pt holds)
 * @param modelId the model registered from best.pt, or null
 * @param onnxModelId the model registered from best.pt's ONNX export, or null
 * @param consoleTail the last lines of the process's stdout and stderr
 * @param message why the run failed or what was left undone, or null
 */
public record TrainingRun(
    String id,
    String datasetId,
    Integer datasetVersion,
    String backend,
    Task task,
    String name,
    Map<String, String> args,
    String status,
    String runDir,
    Long pid,
    int epochs,
    int epochsDone,
    Map<String, Double> metrics,
    String modelId,
    String onnxModelId,
    String consoleTail,
    String message,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Instant updatedAt) {
  public static final String QUEUED = "queued";
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";
  public static final String CANCELLED = "cancelled";
  public static final String INTERRUPTED = "interrupted";
  /** The states a run ends in. */
  public static final Set<String> ENDED = Set.of(COMPLETED, FAILED, CANCELLED, INTERRUPTED);

  public TrainingRun {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /** Whether a process is (or should be) working on it: queued or running. */
  public boolean active() {
    return !ENDED.contains(status);
  }
}
