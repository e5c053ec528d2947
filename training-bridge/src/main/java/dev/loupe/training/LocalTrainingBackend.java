package dev.loupe.training;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.NewTrainingRun;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.TrainingRuns;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Trains with the ultralytics CLI on this machine. The dataset (or a version) is exported to a YOLO
 * folder in the workspace ({@link TrainingFolders}); {@code yolo TASK train data=... model=...
 * epochs=... imgsz=... batch=... [device=...] project=... name=... exist_ok=True} runs there while
 * results.csv is followed and each epoch recorded; a cancelled monitor, or a cancel request left by
 * another process, kills the whole process tree. A run that ends well registers best.pt and its
 * ONNX export as models. The process's console tail is kept with the run.
 */
public final class LocalTrainingBackend implements TrainingBackend {
  static final long POLL_MILLIS = 250;
  private static final long SAVE_CONSOLE_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final int CONSOLE_LINES = 400;

  private final Workspace workspace;
  private final YoloCli yolo;
  private final RunModels models;

  /**
   * @param inspector reads model files (the engines' {@code ModelLoader.inspect}); a checkpoint it
   *     cannot read is described from its run
   */
  public LocalTrainingBackend(Workspace workspace, YoloCli yolo, Function<Path, ModelInfo> inspector) {
    this.workspace = workspace;
    this.yolo = yolo;
    this.models = new RunModels(workspace, yolo, inspector);
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public TrainingRun train(TrainRequest request, TrainingListener listener, TaskMonitor monitor) throws IOException {
    Dataset dataset = request.checkedDataset(workspace);
    TrainArgs args = request.args();
    if (request.version() != null) {
      workspace.versions().get(dataset.id(), request.version()); // a missing version fails before a run is made
    }
    TrainingRuns runs = workspace.trainingRuns();
    TrainingRun run = runs.create(new NewTrainingRun(
        dataset.id(), request.version(), name(), dataset.task(), args.name(), args.asMap(), args.epochs()));
    TrainingFolders folders = TrainingFolders.of(workspace.root(), run.id());
    Path data;
    try {
      Files.createDirectories(folders.root());
      data = export(dataset, request.version(), folders.data(), monitor);
    } catch (CancelledException e) {
      runs.finish(run.id(), TrainingRun.CANCELLED, "cancelled while the dataset was exported", Map.of(), null, null);
      throw e;
    } catch (IOException | RuntimeException e) {
      runs.finish(run.id(), TrainingRun.FAILED, "the dataset could not be exported: " + e.getMessage(), Map.of(),
          null, null);
      throw e;
    }
    List<String> command = new ArrayList<>(List.of(dataset.task().apiName(), "train", "data=" + data));
    args.asMap().forEach((k, v) -> command.add(k + "=" + v));
    command.addAll(List.of("project=" + folders.root(), "name=" + run.name(), "exist_ok=True"));
    return follow(run, command, folders, listener, monitor);
  }

  @Override
  public TrainingRun resume(String runId, TrainingListener listener, TaskMonitor monitor) throws IOException {
    TrainingRun run = workspace.trainingRuns().require(runId);
    if (!name().equals(run.backend())) {
      throw new IllegalArgumentException("run " + runId + " trained on the " + run.backend() + " backend, not here");
    }
    if (run.active()) {
      throw new ConflictException("run " + runId + " is " + run.status() + ": only a stopped run can be resumed");
    }
    if (TrainingRun.COMPLETED.equals(run.status())) {
      throw new ConflictException("run " + runId + " completed: there is nothing to resume; start a new run");
    }
    OrphanedRuns.leftover(workspace.root(), run).ifPresent(p -> {
      throw new ConflictException("run " + runId + " still has its yolo process " + p.pid() + " running (left by a"
          + " Loupe that was killed): cancel it first with 'loupe train cancel " + runId + "'");
    });
    Path last = run.runDir() == null ? null : Path.of(run.runDir()).resolve("weights").resolve("last.pt");
    if (last == null || !Files.isRegularFile(last)) {
      throw new ConflictException("run " + runId + " has no weights/last.pt to resume from (it stopped before its"
          + " first epoch ended): start a new run");
    }
    TrainingFolders folders = TrainingFolders.of(workspace.root(), run.id());
    folders.clearCancelRequest();
    return follow(run, List.of("train", "resume", "model=" + last), folders, listener, monitor);
  }

  /**
   * Validates a model with {@code yolo TASK val model=... data=... [split=...] [imgsz=...]}.
   *
   * @return the exit code; the console holds what it printed (the metrics table)
   */
  public int validate(Task task, Path model, Path data, String split, Integer imgsz, ConsoleTail console,
      TaskMonitor monitor) throws IOException {
    List<String> command = new ArrayList<>(List.of(task.apiName(), "val", "model=" + model, "data=" + data));
    if (split != null) {
      command.add("split=" + split);
    }
    if (imgsz != null) {
      command.add("imgsz=" + imgsz);
    }
    return yolo.run(command, model.toAbsolutePath().getParent(), console, monitor);
  }

  /**
   * Exports a model with {@code yolo export model=... format=... imgsz=...}.
   *
   * @return the exit code; the file is written beside the model ({@code best.onnx} for {@code best.pt})
   */
  public int exportModel(Path model, String format, int imgsz, ConsoleTail console, TaskMonitor monitor)
      throws IOException {
    return yolo.run(List.of("export", "model=" + model, "format=" + format.toLowerCase(Locale.ROOT),
        "imgsz=" + imgsz), model.toAbsolutePath().getParent(), console, monitor);
  }

  /**
   * Exports a dataset to a YOLO folder at {@code target} (emptied first) as training does.
   *
   * @return what {@code data=} takes: data.yaml, or the folder for classification
   */
  public Path exportData(Dataset dataset, Path target, TaskMonitor monitor) throws IOException {
    return export(dataset, null, target, monitor);
  }

  private Path export(Dataset dataset, Integer version, Path target, TaskMonitor monitor) throws IOException {
    monitor.progress(0, -1, "exporting " + dataset.slug() + (version == null ? "" : " v" + version) + " for training");
    TrainingFolders.deleteTree(target);
    if (version == null) {
      workspace.exportDataset(dataset.id(), "yolo", target, monitor);
    } else {
      workspace.versions().export(dataset.id(), version, "yolo", target, monitor);
    }
    return dataset.task() == Task.CLASSIFY ? target : target.resolve("data.yaml");
  }

  private TrainingRun follow(
      TrainingRun run, List<String> command, TrainingFolders folders, TrainingListener listener, TaskMonitor monitor)
      throws IOException {
    TrainingRuns runs = workspace.trainingRuns();
    ConsoleTail console = new ConsoleTail(CONSOLE_LINES, listener::consoleLine);
    Path runDir = folders.runDir(run.name());
    ResultsCsv csv = new ResultsCsv(runDir.resolve("results.csv"));
    boolean cancelled = false;
    int exit;
    try (YoloProcess process = yolo.start(command, folders.root(), console)) {
      run = runs.started(run.id(), runDir.toString(), process.pid());
      listener.started(run);
      monitor.progress(0, run.epochs(), "started yolo (pid " + process.pid() + ")");
      long saved = System.nanoTime();
      while (!process.waitFor(POLL_MILLIS)) {
        readEpochs(run, csv, listener, monitor);
        if (monitor.isCancelled() || folders.cancelRequested()) {
          process.kill();
          cancelled = true;
          break;
        }
        if (System.nanoTime() - saved > SAVE_CONSOLE_NANOS) {
          runs.saveConsole(run.id(), console.text());
          saved = System.nanoTime();
        }
      }
      readEpochs(run, csv, listener, monitor);
      // Ctrl+C reaches yolo too (same process group): it may end before the loop saw the cancel
      cancelled = cancelled || monitor.isCancelled();
      exit = cancelled ? -1 : process.exitCode();
    } catch (IOException | RuntimeException e) {
      runs.saveConsole(run.id(), console.text());
      runs.finish(run.id(), TrainingRun.FAILED, "training stopped: " + e.getMessage(), bestValues(run), null, null);
      throw e;
    }
    runs.saveConsole(run.id(), console.text());
    folders.clearCancelRequest();
    TrainingRun now = runs.require(run.id());
    if (cancelled) {
      return runs.finish(run.id(), TrainingRun.CANCELLED,
          "cancelled after " + now.epochsDone() + " of " + now.epochs() + " epochs", bestValues(run), null, null);
    }
    if (exit != 0) {
      return runs.finish(run.id(), TrainingRun.FAILED,
          "yolo exited with code " + exit + ": " + lastLines(console, 3), bestValues(run), null, null);
    }
    TrainingEpoch best = HeadlineMetrics.best(runs.epochs(run.id()));
    RunModels.Registered made = models.register(now, runDir, best, console, monitor);
    runs.saveConsole(run.id(), console.text());
    return runs.finish(run.id(), TrainingRun.COMPLETED,
        made.problems().isEmpty() ? null : String.join("; ", made.problems()),
        best == null ? Map.of() : best.values(), made.pt() == null ? null : made.pt().id(),
        made.onnx() == null ? null : made.onnx().id());
  }

  private void readEpochs(TrainingRun run, ResultsCsv csv, TrainingListener listener, TaskMonitor monitor)
      throws IOException {
    List<TrainingEpoch> rows = csv.poll();
    if (rows.isEmpty()) {
      return;
    }
    workspace.trainingRuns().recordEpochs(run.id(), rows, bestValues(run, rows));
    for (TrainingEpoch row : rows) {
      listener.epoch(run, row);
      monitor.progress(row.epoch(), run.epochs(), describe(run, row));
    }
  }

  private Map<String, Double> bestValues(TrainingRun run) {
    return bestValues(run, List.of());
  }

  /** The best epoch's columns of those stored and {@code added} (which replace stored ones by number). */
  private Map<String, Double> bestValues(TrainingRun run, List<TrainingEpoch> added) {
    Map<Integer, TrainingEpoch> all = new java.util.TreeMap<>();
    workspace.trainingRuns().epochs(run.id()).forEach(e -> all.put(e.epoch(), e));
    added.forEach(e -> all.put(e.epoch(), e));
    TrainingEpoch best = HeadlineMetrics.best(new ArrayList<>(all.values()));
    return best == null ? Map.of() : new LinkedHashMap<>(best.values());
  }

  /** {@code epoch 3/10 mAP50 0.412 mAP50-95 0.213}. */
  static String describe(TrainingRun run, TrainingEpoch row) {
    HeadlineMetrics m = HeadlineMetrics.of(run.task(), row.values());
    StringBuilder sb = new StringBuilder("epoch ").append(row.epoch()).append('/').append(run.epochs());
    if (m.map50() != null) {
      sb.append(String.format(Locale.ROOT, " mAP50 %.3f", m.map50()));
    }
    if (m.map5095() != null) {
      sb.append(String.format(Locale.ROOT, " mAP50-95 %.3f", m.map5095()));
    }
    if (m.top1() != null) {
      sb.append(String.format(Locale.ROOT, " top1 %.3f", m.top1()));
    }
    return sb.toString();
  }

  /** The last {@code n} lines that are not blank, joined by " | ", or "(no output)". */
  static String lastLines(ConsoleTail console, int n) {
    List<String> lines = new ArrayList<>();
    for (String line : console.last(50)) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - n), lines.size());
    return tail.isEmpty() ? "(no output)" : String.join(" | ", tail);
  }
}
