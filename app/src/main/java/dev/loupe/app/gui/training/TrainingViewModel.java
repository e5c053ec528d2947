package dev.loupe.app.gui.training;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.app.gui.tasks.RunningTask;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.training.CloudTarget;
import dev.loupe.training.CloudTrainingBackend;
import dev.loupe.training.LocalTrainingBackend;
import dev.loupe.training.PushFirstResolver;
import dev.loupe.training.Polling;
import dev.loupe.training.TrainArgs;
import dev.loupe.training.TrainRequest;
import dev.loupe.training.TrainingListener;
import dev.loupe.training.YoloCli;
import dev.loupe.training.YoloNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The training view's state: the shown dataset's past runs, the run being trained (its epochs as they
 * arrive, its console, its final metrics and model), the curves of the runs chosen in the list, and
 * whether {@code yolo} is there (when it is not, the message says how to install Ultralytics and no
 * local run starts). Training runs through {@link LocalTrainingBackend}, or on the platform's GPUs
 * through {@link CloudTrainingBackend} (the GPU types' stock is fetched in the background for the
 * launch dialog), as a background task; what the trainer reports on its threads is moved to the FX
 * thread by {@code fx}. Read and change on the FX thread.
 */
public final class TrainingViewModel {
  /** The console lines kept (the view shows the tail). */
  static final int CONSOLE_LINES = 500;

  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final Function<Path, ModelInfo> inspector;
  private final Executor fx;
  private final PlatformConnector platform;
  private final Polling polling;
  private final ReadOnlyObjectWrapper<Map<String, String>> gpuStock = new ReadOnlyObjectWrapper<>(Map.of());
  private final ReadOnlyStringWrapper cloudMessage = new ReadOnlyStringWrapper();
  private Runnable onRunEnded = () -> {};
  private final ObjectProperty<Path> yoloProgram = new SimpleObjectProperty<>();
  private final ObjectProperty<Dataset> dataset = new SimpleObjectProperty<>();
  private final ObservableList<TrainingRun> runs = FXCollections.observableArrayList();
  private final ObservableList<RunCurves> curves = FXCollections.observableArrayList();
  private final ObservableList<String> console = FXCollections.observableArrayList();
  // one read-only wrapper each: a wrapper keeps its listeners, so a new one per call would lose them
  private final ObservableList<TrainingRun> runsView = FXCollections.unmodifiableObservableList(runs);
  private final ObservableList<RunCurves> curvesView = FXCollections.unmodifiableObservableList(curves);
  private final ObservableList<String> consoleView = FXCollections.unmodifiableObservableList(console);
  private final ReadOnlyStringWrapper yoloMessage = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper modelDetails = new ReadOnlyStringWrapper();
  private final ReadOnlyObjectWrapper<TrainingRun> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper(false);
  private final ConcurrentLinkedQueue<String> pendingLines = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final List<TrainingEpoch> liveEpochs = new ArrayList<>();
  private List<String> chosen = List.of();
  private RunningTask<TrainingRun> task;

  /**
   * @param inspector reads a model file (the ONNX export a completed run registers)
   * @param fx runs on the FX thread ({@code Platform::runLater})
   */
  public TrainingViewModel(
      Workspace workspace, BackgroundTasks tasks, Function<Path, ModelInfo> inspector, Executor fx) {
    this(workspace, tasks, inspector, fx, PlatformConnector.fromSettings(), Polling.STANDARD);
  }

  /**
   * @param platform opens the platform client that cloud runs and the GPU stock need
   * @param polling how often a cloud run is looked at
   */
  public TrainingViewModel(Workspace workspace, BackgroundTasks tasks, Function<Path, ModelInfo> inspector,
      Executor fx, PlatformConnector platform, Polling polling) {
    this.workspace = workspace;
    this.tasks = tasks;
    this.inspector = inspector;
    this.fx = fx;
    this.platform = platform;
    this.polling = polling;
  }

  /** Runs after a run trained from this view ended (it may have registered models). */
  public void setOnRunEnded(Runnable action) {
    this.onRunEnded = action;
  }

  /** The cloud GPU types and their stock (High, Medium, Low, or null: unknown); empty until fetched. */
  public ReadOnlyObjectProperty<Map<String, String>> gpuStockProperty() {
    return gpuStock.getReadOnlyProperty();
  }

  /** Why the cloud cannot be used or its stock is unknown (no key, platform unreachable), or null. */
  public ReadOnlyStringProperty cloudMessageProperty() {
    return cloudMessage.getReadOnlyProperty();
  }

  /** Fetches the GPU types' stock in the background ({@code GET /api/training/gpu-availability}). */
  public void fetchGpuStock() {
    cloudMessage.set(Messages.text("training.cloud.asking"));
    Thread fetch = new Thread(() -> {
      Map<String, String> stock;
      String problem = null;
      try (PlatformClient client = platform.open()) {
        stock = client.training().gpuAvailability();
      } catch (RuntimeException e) {
        stock = Map.of();
        problem = Messages.text("training.cloud.unavailable", e.getMessage());
      }
      Map<String, String> found = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stock));
      String message = problem;
      fx.execute(() -> {
        gpuStock.set(found);
        cloudMessage.set(message);
      });
    }, "gpu-availability");
    fetch.setDaemon(true);
    fetch.start();
  }

  /** The ultralytics CLI named in settings; null: {@code $LOUPE_YOLO}, then {@code yolo} on PATH. */
  public ObjectProperty<Path> yoloProgramProperty() {
    return yoloProgram;
  }

  /** Shows {@code d}'s runs (none for null) and checks that {@code yolo} is there. */
  public void open(Dataset d) {
    dataset.set(d);
    if (current.get() != null && (d == null || !current.get().datasetId().equals(d.id())) && !training.get()) {
      current.set(null);
      liveEpochs.clear();
      console.clear();
      modelDetails.set(null);
    }
    chosen = List.of();
    refreshRuns();
    showCurves();
    locateYolo();
  }

  public ReadOnlyObjectProperty<Dataset> datasetProperty() {
    return dataset;
  }

  /** The shown dataset's runs, newest first. */
  public ObservableList<TrainingRun> runs() {
    return runsView;
  }

  /** The curves the charts draw: the run being trained (or last trained) and the runs chosen in the list. */
  public ObservableList<RunCurves> curves() {
    return curvesView;
  }

  /** The last {@value #CONSOLE_LINES} lines the training printed. */
  public ObservableList<String> console() {
    return consoleView;
  }

  /** Why nothing can be trained (no {@code yolo}, with how to install it), or null. */
  public ReadOnlyStringProperty yoloMessageProperty() {
    return yoloMessage.getReadOnlyProperty();
  }

  /** The run being trained, or the one trained last in this view; null before any. */
  public ReadOnlyObjectProperty<TrainingRun> currentProperty() {
    return current.getReadOnlyProperty();
  }

  /** True while a run trains (from this view). */
  public ReadOnlyBooleanProperty trainingProperty() {
    return training.getReadOnlyProperty();
  }

  /** The registered model of the current run, described by {@link #openModel()}; null until then. */
  public ReadOnlyStringProperty modelDetailsProperty() {
    return modelDetails.getReadOnlyProperty();
  }

  /** The launch dialog's starting values for the shown dataset (its task's defaults). */
  public TrainArgs defaults() {
    return TrainArgs.defaults(dataset.get().task());
  }

  /** The shown dataset's version numbers, oldest first. */
  public List<Integer> versions() {
    Dataset d = dataset.get();
    return d == null ? List.of() : workspace.versions().list(d.id()).stream().map(v -> v.version()).toList();
  }

  /** The final metrics of the current run as "mAP50 0.9000 · ..." (null before a run ended). */
  public static String finalMetrics(TrainingRun run) {
    if (run == null || run.active() || run.metrics().isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, Double> e : run.metrics().entrySet()) {
      if (e.getKey().startsWith("metrics/") || e.getKey().equals("fitness")) {
        if (!text.isEmpty()) {
          text.append("  ·  ");
        }
        text.append(e.getKey().replace("metrics/", "")).append(' ').append(String.format("%.4f", e.getValue()));
      }
    }
    return text.toString();
  }

  /** The CLI, or null with {@link #yoloMessageProperty()} saying why. */
  private YoloCli locateYolo() {
    Path configured = yoloProgram.get();
    if (configured == null) {
      String env = System.getenv("LOUPE_YOLO");
      configured = env == null || env.isBlank() ? null : Path.of(env);
    }
    try {
      YoloCli cli = YoloCli.locate(configured, System.getenv("PATH"));
      yoloMessage.set(null);
      return cli;
    } catch (YoloNotFoundException e) {
      yoloMessage.set(Messages.text("training.needsYolo", e.getMessage()));
      return null;
    }
  }

  /**
   * Trains the shown dataset (or its {@code version}) with {@code args}; returns false and starts
   * nothing when {@code yolo} is missing, no dataset is shown or a run is training.
   */
  public boolean launch(Integer version, TrainArgs args) {
    Dataset d = dataset.get();
    YoloCli cli = locateYolo();
    if (cli == null || d == null || training.get()) {
      return false;
    }
    TrainRequest request = new TrainRequest(d.id(), version, args);
    start(Messages.text("training.task.local", d.name()), List.of(),
        (listener, monitor) -> new LocalTrainingBackend(workspace, cli, inspector).train(request, listener, monitor));
    return true;
  }

  /**
   * Trains the shown dataset on the platform's GPUs ({@code target}); false when no dataset is shown
   * or a run is training. The dataset's copy on the platform is trained (none: the run fails saying
   * how to push it).
   */
  public boolean launchCloud(Integer version, TrainArgs args, CloudTarget target) {
    Dataset d = dataset.get();
    if (d == null || training.get()) {
      return false;
    }
    TrainRequest request = new TrainRequest(d.id(), version, args);
    start(Messages.text("training.task.cloud", d.name()), List.of(), (listener, monitor) -> {
      try (PlatformClient client = platform.open()) {
        return cloud(client, target).train(request, listener, monitor);
      }
    });
    return true;
  }

  /**
   * Goes on with a stopped run: a local one from its last checkpoint, a cloud one by following the
   * platform's job again; false when it cannot start (as {@link #launch}).
   */
  public boolean resume(String runId) {
    TrainingRun run = workspace.trainingRuns().require(runId);
    boolean onCloud = "cloud".equals(run.backend());
    YoloCli cli = onCloud ? null : locateYolo();
    if ((!onCloud && cli == null) || training.get()) {
      return false;
    }
    String title = Messages.text("training.task.resume", run.name());
    start(title, workspace.trainingRuns().epochs(runId), (listener, monitor) -> {
      if (!onCloud) {
        return new LocalTrainingBackend(workspace, cli, inspector).resume(runId, listener, monitor);
      }
      try (PlatformClient client = platform.open()) {
        return cloud(client, null).resume(runId, listener, monitor);
      }
    });
    return true;
  }

  private CloudTrainingBackend cloud(PlatformClient client, CloudTarget target) {
    return new CloudTrainingBackend(workspace, client, PushFirstResolver.standard(workspace, client), target,
        polling, inspector);
  }

  /** Asks the training to stop (its processes are killed; the run ends cancelled). */
  public void cancel() {
    if (task != null) {
      task.cancel();
    }
  }

  /** Shows the curves of these runs (ids from {@link #runs()}) beside the current run's. */
  public void choose(Collection<String> runIds) {
    chosen = List.copyOf(runIds);
    showCurves();
  }

  /** Describes the model the current run registered in {@link #modelDetailsProperty()}. */
  public void openModel() {
    TrainingRun run = current.get();
    if (run == null || run.modelId() == null) {
      modelDetails.set(Messages.text("training.model.none"));
      return;
    }
    modelDetails.set(workspace.models().find(run.modelId()).map(TrainingViewModel::describe)
        .orElse(Messages.text("training.model.gone", run.modelId())));
  }

  private static String describe(ModelRecord m) {
    StringBuilder text = new StringBuilder(m.name() + " (" + m.slug() + ", " + m.format() + ", " + m.task() + ")");
    m.metadata().forEach((k, v) -> text.append("\n").append(k).append(": ").append(v));
    return text.toString();
  }

  @FunctionalInterface
  private interface Training {
    TrainingRun run(TrainingListener listener, dev.loupe.core.task.TaskMonitor monitor) throws Exception;
  }

  private void start(String title, List<TrainingEpoch> before, Training work) {
    training.set(true);
    liveEpochs.clear();
    liveEpochs.addAll(before);
    console.clear();
    modelDetails.set(null);
    TrainingListener listener = new TrainingListener() {
      @Override
      public void started(TrainingRun run) {
        fx.execute(() -> {
          current.set(run);
          refreshRuns();
          showCurves();
        });
      }

      @Override
      public void epoch(TrainingRun run, TrainingEpoch epoch) {
        fx.execute(() -> {
          liveEpochs.removeIf(e -> e.epoch() == epoch.epoch());
          liveEpochs.add(epoch);
          current.set(run);
          showCurves();
        });
      }

      @Override
      public void consoleLine(String line) {
        pendingLines.add(line);
        if (drainScheduled.compareAndSet(false, true)) {
          fx.execute(TrainingViewModel.this::drainConsole);
        }
      }
    };
    task = tasks.submit(title,
        monitor -> work.run(listener, monitor),
        run -> current.set(run),
        () -> {
          task = null;
          drainConsole();
          TrainingRun last = current.get();
          if (last != null) {
            current.set(workspace.trainingRuns().require(last.id()));
            liveEpochs.clear();
            liveEpochs.addAll(workspace.trainingRuns().epochs(last.id()));
          }
          training.set(false);
          refreshRuns();
          showCurves();
          onRunEnded.run();
        });
  }

  private void drainConsole() {
    drainScheduled.set(false);
    List<String> lines = new ArrayList<>();
    for (String line; (line = pendingLines.poll()) != null; ) {
      lines.add(line);
    }
    console.addAll(lines);
    if (console.size() > CONSOLE_LINES) {
      console.remove(0, console.size() - CONSOLE_LINES);
    }
  }

  private void refreshRuns() {
    Dataset d = dataset.get();
    runs.setAll(d == null ? List.of()
        : workspace.trainingRuns().list().stream().filter(r -> r.datasetId().equals(d.id())).toList());
  }

  private void showCurves() {
    List<RunCurves> shown = new ArrayList<>();
    TrainingRun live = current.get();
    if (live != null) {
      shown.add(new RunCurves(live.id(), live.name(), EpochTable.of(live.task(), List.copyOf(liveEpochs))));
    }
    for (String id : chosen) {
      if (live == null || !live.id().equals(id)) {
        workspace.trainingRuns().find(id).ifPresent(r -> shown.add(
            new RunCurves(r.id(), r.name(), EpochTable.of(r.task(), workspace.trainingRuns().epochs(r.id())))));
      }
    }
    curves.setAll(shown);
  }
}
