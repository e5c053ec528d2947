package dev.loupe.training;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Registers what a finished run made: {@code weights/best.pt} as a model (Loupe cannot run a
 * checkpoint, so what it is comes from the run: task, class names, image size), then its ONNX export
 * by {@code yolo export format=onnx}, which Loupe runs, where that export works. Both models carry the
 * run's id and the metrics of the epoch best.pt holds in their metadata.
 */
final class RunModels {
  /** What was registered; {@code problems} says what could not be. */
  record Registered(ModelRecord pt, ModelRecord onnx, List<String> problems) {}

  private final Workspace workspace;
  private final YoloCli yolo;
  private final Function<Path, ModelInfo> inspector;

  /** @param yolo runs the ONNX export of {@link #register}; null where only checkpoints and exports made elsewhere are registered */
  RunModels(Workspace workspace, YoloCli yolo, Function<Path, ModelInfo> inspector) {
    this.workspace = workspace;
    this.yolo = yolo;
    this.inspector = inspector;
  }

  Registered register(TrainingRun run, Path runDir, TrainingEpoch best, ConsoleTail console, TaskMonitor monitor)
      throws IOException {
    List<String> problems = new ArrayList<>();
    Path weights = runDir.resolve("weights").resolve("best.pt");
    if (!Files.isRegularFile(weights)) {
      problems.add("the run wrote no weights/best.pt: no model registered");
      return new Registered(null, null, problems);
    }
    Map<String, String> trained = metadata(run, best);
    ModelRecord pt = registerCheckpoint(run, weights, best, trained);
    NewModel spec = spec(run, best);
    ModelRecord onnx = null;
    monitor.progress(0, -1, "exporting best.pt to ONNX");
    try {
      int imgsz = Integer.parseInt(run.args().getOrDefault("imgsz", Integer.toString(TrainArgs.DEFAULT_IMGSZ)));
      int code = yolo.run(
          List.of("export", "model=" + weights, "format=onnx", "imgsz=" + imgsz), runDir, console, monitor);
      Path exported = runDir.resolve("weights").resolve("best.onnx");
      if (code != 0 || !Files.isRegularFile(exported)) {
        problems.add("'yolo export format=onnx' " + (code != 0 ? "exited with code " + code : "wrote no best.onnx")
            + ": only best.pt is registered (" + LocalTrainingBackend.lastLines(console, 1) + ")");
      } else {
        onnx = registerExport(run, exported, best, trained);
      }
    } catch (CancelledException e) {
      problems.add("the ONNX export was cancelled: only best.pt is registered");
    } catch (IllegalArgumentException e) {
      problems.add("the ONNX export could not be registered: " + e.getMessage());
    }
    return new Registered(pt, onnx, problems);
  }

  /**
   * Registers a run's checkpoint as a model named after the run: what the engines read of it, else
   * what the run knows (task, class names, image size), with {@code trained} in its metadata.
   */
  ModelRecord registerCheckpoint(TrainingRun run, Path weights, TrainingEpoch best, Map<String, String> trained)
      throws IOException {
    Dataset dataset = workspace.datasets().require(run.datasetId());
    return workspace.models().importFile(weights, spec(run, best), file -> checkpointInfo(file, run, dataset, trained));
  }

  /** Registers an export of the run's checkpoint (an ONNX file) as {@code RUN-onnx}. */
  ModelRecord registerExport(TrainingRun run, Path exported, TrainingEpoch best, Map<String, String> trained)
      throws IOException {
    return workspace.models().importFile(
        exported, spec(run, best).named(run.name() + "-onnx"), file -> withRun(inspector.apply(file), trained));
  }

  private NewModel spec(TrainingRun run, TrainingEpoch best) {
    Dataset dataset = workspace.datasets().require(run.datasetId());
    return new NewModel(run.name(), null, description(run, dataset, best), null);
  }

  /** What the engines read of a checkpoint, else what the run knows about it. */
  private ModelInfo checkpointInfo(Path file, TrainingRun run, Dataset dataset, Map<String, String> trained) {
    try {
      return withRun(inspector.apply(file), trained);
    } catch (RuntimeException unreadable) {
      int imgsz = Integer.parseInt(run.args().getOrDefault("imgsz", "0"));
      return new ModelInfo(
          "pt", run.task(), dataset.classNames(), imgsz, imgsz, 0, false, dataset.kptShape(), 3, trained);
    }
  }

  private static ModelInfo withRun(ModelInfo info, Map<String, String> trained) {
    Map<String, String> metadata = new LinkedHashMap<>(info.metadata());
    metadata.putAll(trained);
    return new ModelInfo(info.format(), info.task(), info.names(), info.imgszH(), info.imgszW(), info.stride(),
        info.endToEnd(), info.kptShape(), info.channels(), metadata);
  }

  /** The run's id and the metrics of the epoch the model holds, as model metadata. */
  static Map<String, String> metadata(TrainingRun run, TrainingEpoch best) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("loupe_training_run", run.id());
    if (best != null) {
      metadata.put("loupe_best_epoch", Integer.toString(best.epoch()));
      best.values().forEach((k, v) -> {
        if (k.startsWith("metrics/") || k.equals("fitness")) {
          metadata.put(k, Double.toString(v));
        }
      });
    }
    return metadata;
  }

  private static String description(TrainingRun run, Dataset dataset, TrainingEpoch best) {
    StringBuilder sb = new StringBuilder("Trained by run ").append(run.id()).append(" on ").append(dataset.slug());
    if (run.datasetVersion() != null) {
      sb.append(" v").append(run.datasetVersion());
    }
    sb.append(" from ").append(run.args().get("model"));
    if (best != null) {
      HeadlineMetrics m = HeadlineMetrics.of(run.task(), best.values());
      sb.append("; epoch ").append(best.epoch());
      if (m.map50() != null) {
        sb.append(String.format(java.util.Locale.ROOT, ", mAP50 %.4f, mAP50-95 %.4f", m.map50(),
            m.map5095() == null ? Double.NaN : m.map5095()));
      } else if (m.top1() != null) {
        sb.append(String.format(java.util.Locale.ROOT, ", top-1 %.4f", m.top1()));
      }
    }
    return sb.toString();
  }
}
