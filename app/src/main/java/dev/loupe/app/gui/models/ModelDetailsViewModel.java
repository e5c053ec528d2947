package dev.loupe.app.gui.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.app.gui.training.PlatformConnector;
import dev.loupe.core.annotate.PredictorFactory;
import dev.loupe.core.annotate.ValidateOptions;
import dev.loupe.core.annotate.ValidationReport;
import dev.loupe.core.annotate.Validator;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.metrics.ClassMetrics;
import dev.loupe.core.metrics.ValidationMetrics;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.ExportJobs;
import dev.loupe.training.Polling;
import dev.loupe.training.YoloCli;
import dev.loupe.training.YoloModelExport;
import dev.loupe.training.YoloNotFoundException;
import dev.loupe.training.YoloValidation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One model of the registry, opened from the sidebar: what it is, the metrics it was trained to, the
 * run it came from, {@code val} on a chosen dataset split with the figures per class, and an export
 * on the platform (for a model that has a copy there: one trained on the cloud, or exported by the
 * platform). A .pt checkpoint, which Loupe cannot run, is validated and exported here with the
 * ultralytics CLI ({@code yolo val}, {@code yolo export}). Validation and export run as background
 * tasks. Read and change on the FX thread.
 */
public final class ModelDetailsViewModel {
  /** A metric the model was trained to ({@code mAP50(B)}, {@code fitness}, ...). */
  public record Metric(String name, double value) {}

  /** The metadata key naming the platform model a model is a copy of. */
  static final String PLATFORM_MODEL = "loupe_platform_model";

  private final Workspace workspace;
  private final BackgroundTasks tasks;
  private final PredictorFactory engines;
  private final PlatformConnector platform;
  private final Polling polling;
  private final Function<Path, ModelInfo> inspector;
  private final ModelRecord model;
  private final ObservableList<ClassMetrics> classRows = FXCollections.observableArrayList();
  private final ObservableList<ClassMetrics> classRowsView = FXCollections.unmodifiableObservableList(classRows);
  private final ReadOnlyStringWrapper valMessage = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private Consumer<TrainingRun> onOpenRun = r -> {};
  private Runnable onModelsChanged = () -> {};
  private Supplier<YoloCli> yolo = ModelDetailsViewModel::locateYolo;

  /**
   * @param engines load the model to validate it
   * @param platform opens the platform client an export needs
   * @param polling how often an export on the platform is looked at
   * @param inspector reads an exported file before it is registered
   */
  public ModelDetailsViewModel(Workspace workspace, BackgroundTasks tasks, PredictorFactory engines,
      PlatformConnector platform, Polling polling, Function<Path, ModelInfo> inspector, ModelRecord model) {
    this.workspace = workspace;
    this.tasks = tasks;
    this.engines = engines;
    this.platform = platform;
    this.polling = polling;
    this.inspector = inspector;
    this.model = model;
  }

  public ModelRecord model() {
    return model;
  }

  /** Opens a run in the training view (the link to the run the model came from). */
  public void setOnOpenRun(Consumer<TrainingRun> action) {
    this.onOpenRun = action;
  }

  /** Runs after an export registered a model. */
  public void setOnModelsChanged(Runnable action) {
    this.onModelsChanged = action;
  }

  /** Finds the ultralytics CLI for a checkpoint's val and export (default: $LOUPE_YOLO, else PATH). */
  public void setYolo(Supplier<YoloCli> locator) {
    this.yolo = locator;
  }

  private static YoloCli locateYolo() {
    String env = System.getenv("LOUPE_YOLO");
    return YoloCli.locate(env == null || env.isBlank() ? null : Path.of(env), System.getenv("PATH"));
  }

  /** {@code onnx · detect · 80 classes · 640x640 · yolo11n.onnx (5.4 MB)}. */
  public String summary() {
    List<String> parts = new ArrayList<>();
    parts.add(model.format());
    parts.add(model.task() == null ? Messages.text("models.summary.taskUnknown") : model.task().apiName());
    parts.add(Messages.text("models.summary.classes", String.valueOf(model.classNames().size())));
    if (model.imgszH() > 0) {
      parts.add(model.imgszH() + "x" + model.imgszW());
    }
    parts.add(Messages.text("models.summary.file", model.fileName(),
        String.format(Locale.ROOT, "%.1f", model.fileSize() / 1e6)));
    return String.join(" · ", parts);
  }

  /** The metrics in the model's metadata ({@code metrics/...} and {@code fitness}), by name. */
  public List<Metric> metrics() {
    List<Metric> found = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(model.metadata()).entrySet()) {
      if (e.getKey().startsWith("metrics/") || e.getKey().equals("fitness")) {
        try {
          found.add(new Metric(e.getKey().replace("metrics/", ""), Double.parseDouble(e.getValue())));
        } catch (NumberFormatException notANumber) {
          // a metadata entry by that name that is not a figure is not a metric
        }
      }
    }
    return found;
  }

  /** The training run the model came from, when it is still recorded. */
  public Optional<TrainingRun> run() {
    String id = model.metadata().get("loupe_training_run");
    return id == null ? Optional.empty() : workspace.trainingRuns().find(id);
  }

  /** Shows the run the model came from in the training view. */
  public void openRun() {
    run().ifPresent(onOpenRun);
  }

  /** The datasets it can be validated on: those of its task (all, when its task is unknown). */
  public List<Dataset> datasets() {
    return workspace.datasets().list().stream()
        .filter(d -> model.task() == null || d.task() == model.task()).toList();
  }

  /** The dataset to validate on first: the one it was trained on, else the first of its task. */
  public Optional<Dataset> defaultDataset() {
    List<Dataset> all = datasets();
    Optional<String> trainedOn = run().map(TrainingRun::datasetId);
    return all.stream().filter(d -> trainedOn.isPresent() && d.id().equals(trainedOn.get())).findFirst()
        .or(() -> all.stream().findFirst());
  }

  /** The per-class figures of the last validation: the row of all classes first. */
  public ObservableList<ClassMetrics> classRows() {
    return classRowsView;
  }

  /** What the last validation found overall, or why it could not run. */
  public ReadOnlyStringProperty valMessageProperty() {
    return valMessage.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty exportMessageProperty() {
    return exportMessage.getReadOnlyProperty();
  }

  /** True while a validation or an export runs. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** Validates the model on {@code split} of {@code dataset} in the background; false when it cannot start. */
  public boolean validate(Dataset dataset, Split split) {
    if (busy.get()) {
      return false;
    }
    if (dataset == null) {
      valMessage.set(Messages.text("models.val.noDataset"));
      return false;
    }
    if (!model.runnable()) {
      return validateWithYolo(dataset, split);
    }
    classRows.clear();
    inTaskBar(valMessage, Messages.text("models.val.underWay", dataset.name(), split.apiName()),
        why -> Messages.text("models.val.unfinished", why), Messages.text("models.val.task", model.name()),
        monitor -> new Validator(workspace, engines).validate(dataset.id(), model.id(),
            ValidateOptions.DEFAULTS.withSplit(split), monitor),
        this::show);
    return true;
  }

  /** A checkpoint: {@code yolo val}, its table read into the rows. */
  private boolean validateWithYolo(Dataset dataset, Split split) {
    YoloCli cli = yoloOr(valMessage, why -> Messages.text("models.val.needsYolo", why));
    if (cli == null) {
      return false;
    }
    classRows.clear();
    inTaskBar(valMessage, Messages.text("models.val.yolo.underWay", dataset.name(), split.apiName()),
        why -> Messages.text("models.val.unfinished", why), Messages.text("models.val.yolo.task", model.name()),
        monitor -> new YoloValidation(workspace, cli, inspector).validate(model, dataset.id(), split, line -> { },
            monitor),
        this::show);
    return true;
  }

  private void show(YoloValidation.Result result) {
    if (result.exitCode() != 0) {
      valMessage.set(Messages.text("models.val.yolo.exit", String.valueOf(result.exitCode()),
          lastLines(result.console())));
      return;
    }
    JsonNode json = result.json();
    String text = Messages.text("models.val.yolo.head", String.valueOf(json.path("images").asInt()),
        json.path("dataset").asText(), json.path("split").asText());
    if (json.has("top1")) {
      text = Messages.text("models.val.top", text, figure(json.get("top1").asDouble()),
          figure(json.get("top5").asDouble()));
    } else if (json.path("metrics").fieldNames().hasNext()) {
      String kind = json.get("metrics").fieldNames().next();
      JsonNode m = json.get("metrics").get(kind);
      List<ClassMetrics> rows = new ArrayList<>();
      if (m.has("all")) {
        rows.add(row(m.get("all")));
      }
      m.path("classes").forEach(c -> rows.add(row(c)));
      classRows.setAll(rows);
      text = Messages.text("models.val.map", text, kind, figure(m.path("all").path("mAP50").asDouble(Double.NaN)),
          figure(m.path("all").path("mAP50-95").asDouble(Double.NaN)));
    } else {
      text = Messages.text("models.val.yolo.noTable", text);
    }
    valMessage.set(text);
  }

  private static ClassMetrics row(JsonNode n) {
    return new ClassMetrics(n.path("classId").asInt(-1), n.path("name").asText(), n.path("images").asInt(),
        n.path("instances").asInt(), n.path("precision").asDouble(Double.NaN), n.path("recall").asDouble(Double.NaN),
        n.path("mAP50").asDouble(Double.NaN), n.path("mAP50-95").asDouble(Double.NaN));
  }

  private static String lastLines(List<String> console) {
    return String.join(" | ", console.subList(Math.max(0, console.size() - 3), console.size()));
  }

  /** A figure of a validation's message: three decimals, as {@code %.3f} in {@link Locale#ROOT}. */
  private static String figure(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** The CLI, or null with {@code message} saying (by {@code needs}) how to install ultralytics. */
  private YoloCli yoloOr(ReadOnlyStringWrapper message, Function<String, String> needs) {
    try {
      return yolo.get();
    } catch (YoloNotFoundException e) {
      message.set(needs.apply(e.getMessage()));
      return null;
    }
  }

  /** Whether {@link #exportLocally} applies: a .pt checkpoint. */
  public boolean exportsLocally() {
    return !model.runnable();
  }

  /**
   * Exports the checkpoint to {@code format} with {@code yolo export} on this machine and registers
   * the result (ONNX, TorchScript; other formats are saved in the workspace's {@code exports/});
   * false, saying why, when it cannot start.
   */
  public boolean exportLocally(String format) {
    if (busy.get()) {
      return false;
    }
    if (model.runnable()) {
      exportMessage.set(Messages.text("models.export.notCheckpoint", model.format()));
      return false;
    }
    if (format == null || format.isBlank()) {
      exportMessage.set(Messages.text("models.export.noFormat"));
      return false;
    }
    YoloCli cli = yoloOr(exportMessage, why -> Messages.text("models.export.needsYolo", why));
    if (cli == null) {
      return false;
    }
    inTaskBar(exportMessage, Messages.text("models.export.yolo.underWay", format),
        why -> Messages.text("models.export.unfinished", why),
        Messages.text("models.export.yolo.task", model.name(), format),
        monitor -> new YoloModelExport(workspace, cli, inspector).export(model, format, null, line -> { }, monitor),
        this::exported);
    return true;
  }

  private void exported(YoloModelExport.Result done) {
    if (done.exitCode() != 0) {
      exportMessage.set(Messages.text("models.export.yolo.exit", String.valueOf(done.exitCode()),
          lastLines(done.console())));
      return;
    }
    exportMessage.set(done.model() != null
        ? Messages.text("models.export.registered", done.model().name(), done.model().id())
        : Messages.text("models.export.saved", String.valueOf(done.path())));
    onModelsChanged.run();
  }

  private void show(ValidationReport report) {
    String text = Messages.text("models.val.head", String.valueOf(report.images()), report.dataset(),
        report.split().apiName(), String.format(Locale.ROOT, "%.1f", report.seconds()));
    if (report.metrics().isEmpty()) {
      text = Messages.text("models.val.top", text, figure(report.top1()), figure(report.top5()));
    } else {
      String kind = report.metrics().keySet().iterator().next();
      ValidationMetrics m = report.metrics().get(kind);
      List<ClassMetrics> rows = new ArrayList<>();
      rows.add(m.all());
      rows.addAll(m.classes());
      classRows.setAll(rows);
      text = Messages.text("models.val.map", text, kind, figure(m.all().map50()), figure(m.all().map50to95()));
    }
    if (report.classDifferences() != null) {
      text = Messages.text("models.val.classesDiffer", text, String.valueOf(report.classDifferences()));
    }
    if (report.failedImages() > 0) {
      text = Messages.text("models.val.leftOut", text, String.valueOf(report.failedImages()),
          String.valueOf(report.firstProblem()));
    }
    valMessage.set(text);
  }

  /** The last task failure the tasks reported, or "cancelled" when the task was cancelled. */
  private String failure() {
    String error = tasks.errorProperty().get();
    return error == null ? Messages.text("models.cancelled") : error;
  }

  /** The platform model this one is a copy of, or null. */
  public String platformModel() {
    return model.metadata().get(PLATFORM_MODEL);
  }

  /**
   * Has the platform export its copy of the model to {@code format} and registers the result (ONNX,
   * TorchScript; other formats are saved in the workspace's {@code exports/}); false, saying why,
   * when the model has no copy there or a value is wrong.
   */
  public boolean export(String format, String gpuType) {
    if (busy.get()) {
      return false;
    }
    String remote = platformModel();
    if (remote == null) {
      exportMessage.set(model.runnable() ? Messages.text("models.export.noCopy")
          : Messages.text("models.export.noCopy.checkpoint"));
      return false;
    }
    ExportJobs.ExportRequest request;
    try {
      request = new ExportJobs.ExportRequest(remote, format, gpuType, null, null);
    } catch (IllegalArgumentException e) {
      exportMessage.set(e.getMessage());
      return false;
    }
    inTaskBar(exportMessage, Messages.text("models.export.platform.underWay", request.format()),
        why -> Messages.text("models.export.unfinished", why),
        Messages.text("models.export.platform.task", model.name(), request.format()),
        monitor -> {
          try (PlatformClient client = platform.open()) {
            return new ExportJobs(workspace, client, polling, inspector)
                .run(request, model.name() + "-" + request.format(), monitor);
          }
        },
        done -> {
          exportMessage.set(done.model() != null
              ? Messages.text("models.export.registered", done.model().name(), done.model().id())
              : Messages.text("models.export.saved", String.valueOf(done.file())));
          onModelsChanged.run();
        });
    return true;
  }

  /**
   * Runs {@code work} in the task bar with the window busy and {@code message} saying it is under way;
   * when it ends with the message still saying so (it failed or was cancelled), {@code unfinished}
   * of the reason replaces it.
   */
  private <T> void inTaskBar(ReadOnlyStringWrapper message, String underWay, Function<String, String> unfinished,
      String title, BackgroundTasks.Work<T> work, Consumer<T> onSuccess) {
    busy.set(true);
    message.set(underWay);
    tasks.submit(title, work, onSuccess, () -> {
      busy.set(false);
      if (underWay.equals(message.get())) {
        message.set(unfinished.apply(failure()));
      }
    });
  }
}
