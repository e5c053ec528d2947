package dev.loupe.core.annotate;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.io.OrientedImageReader;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.NotFoundException;
import dev.loupe.core.workspace.RunCounts;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.core.workspace.WorkspaceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Auto-annotation: runs a model over a dataset's images and adds what it finds as labels, as the
 * platform's {@code POST /api/datasets/{id}/predict} does image by image. Predictions that overlap a
 * label of their class at IoU 0.7 or more are left out. Every run is recorded with the labels the
 * images had, so {@code workspace.annotationRuns().revert(runId)} undoes it in one step; a cancelled
 * run keeps what it wrote and can be reverted too.
 *
 * <p>Images are decoded on worker threads while the model runs ({@link PredictionPipeline}); labels
 * are written in batches, each one transaction with the run's totals.
 */
public final class AutoAnnotator {
  static final int BATCH_IMAGES = 32;
  static final long BATCH_NANOS = 2_000_000_000L;
  /** A run stops when the model failed on each of at least this many first images. */
  static final int FAILURES_BEFORE_GIVING_UP = 5;

  /**
   * Hears, for each image a run adds labels to, what the model saw and the labels added (the GUI
   * keeps their confidences for review). Called on the run's thread, before the batch is written.
   */
  @FunctionalInterface
  public interface Observer {
    void added(ImageRecord image, ImagePrediction prediction, List<Label> added);
  }

  private final Workspace workspace;
  private final PredictorFactory predictors;
  private final Observer observer;
  private final OrientedImageReader reader = new OrientedImageReader();

  public AutoAnnotator(Workspace workspace, PredictorFactory predictors) {
    this(workspace, predictors, (image, prediction, added) -> {});
  }

  public AutoAnnotator(Workspace workspace, PredictorFactory predictors, Observer observer) {
    this.workspace = workspace;
    this.predictors = predictors;
    this.observer = observer;
  }

  /** Runs model {@code modelIdOrSlug} over the selected images of a dataset. */
  public AnnotateResult run(String datasetIdOrSlug, String modelIdOrSlug, AnnotateOptions options, TaskMonitor monitor)
      throws IOException {
    ModelRecord model = workspace.models().require(modelIdOrSlug);
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    try (Predictor predictor = predictors.open(workspace.models().runnableFile(model))) {
      return run(dataset, model.id(), model.name(), predictor, options, monitor);
    }
  }

  /**
   * Runs an open predictor over the selected images of a dataset.
   *
   * @param modelId recorded with the run (may be null for a model not in the workspace)
   */
  public AnnotateResult run(
      Dataset dataset, String modelId, String modelName, Predictor predictor, AnnotateOptions options,
      TaskMonitor monitor) {
    dataset = workspace.datasets().require(dataset.id()); // its classes as they are now
    List<ImageRecord> images = select(dataset, options.selection()); // a bad selection adds no classes
    int classesBefore = dataset.classCount();
    ClassMapping classes = prepareClasses(dataset, predictor.info(), options.addClasses());
    dataset = workspace.datasets().require(dataset.id());
    List<String> added = List.copyOf(dataset.classNames().subList(classesBefore, dataset.classCount()));
    AnnotationRun run =
        workspace.annotationRuns().start(
            dataset.id(), modelId, modelName, options.conf(), options.iou(), options.selection().describe(),
            images.size(), added);
    Progress p = new Progress(run.id());
    PredictionLabels converter = new PredictionLabels(dataset.task(), classes, dataset.kptShape());
    OverlapFilter overlap = new OverlapFilter(OverlapFilter.PLATFORM_IOU);
    PredictOptions predictOptions = PredictOptions.DEFAULTS.withConf(options.conf()).withIou(options.iou());
    boolean cancelled = false;
    try (PredictionPipeline<ImageRecord> pipeline =
        new PredictionPipeline<>(predictor, predictOptions, reader, options.decoders(), options.predictors())) {
      int next = 0;
      long lastFlush = System.nanoTime();
      while (true) {
        while (!cancelled && next < images.size() && pipeline.hasRoom()) {
          ImageRecord image = images.get(next++);
          pipeline.submit(image, workspace.content().path(image.hash()));
        }
        if (pipeline.isEmpty()) {
          break;
        }
        PredictionPipeline.Outcome<ImageRecord> outcome = pipeline.next();
        p.take(dataset, outcome, converter, overlap, options.conf());
        monitor.progress(p.done, images.size(), "annotating with " + modelName);
        if (p.batch.size() >= BATCH_IMAGES || System.nanoTime() - lastFlush > BATCH_NANOS) {
          p.flush();
          lastFlush = System.nanoTime();
        }
        if (!cancelled && monitor.isCancelled()) {
          cancelled = true; // what is in flight still completes and is written
        }
      }
      p.flush();
    } catch (RuntimeException e) {
      try {
        p.flush(); // keep what was done: the failed run can be reverted
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      workspace.annotationRuns().finish(run.id(), AnnotationRun.FAILED, p.counts(message(e)));
      throw e;
    }
    AnnotationRun finished =
        workspace.annotationRuns().finish(
            run.id(), cancelled ? AnnotationRun.CANCELLED : AnnotationRun.COMPLETED, p.counts(null));
    return new AnnotateResult(finished, p.unmapped, p.refused, classes.differences());
  }

  /**
   * Predicts on one image of a dataset and proposes the labels a run would add, writing nothing
   * (the platform's per-image {@code POST /api/datasets/{id}/predict}).
   */
  public DatasetPrediction predictImage(
      String datasetIdOrSlug, String imageHash, String modelIdOrSlug, double confidence, double iou)
      throws IOException {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    ImageRecord image = workspace.images().require(dataset.id(), imageHash);
    ModelRecord model = workspace.models().require(modelIdOrSlug);
    try (Predictor predictor = predictors.open(workspace.models().runnableFile(model))) {
      ClassMapping classes = prepareClasses(dataset, predictor.info(), false);
      // from the file, as predict and annotation runs read it (a JPEG's ICC profile ignored as
      // OpenCV ignores it; a BufferedImage from ImageIO would have its colours converted)
      ImagePrediction prediction =
          predictor.predict(
              workspace.content().path(image.hash()), PredictOptions.DEFAULTS.withConf(confidence).withIou(iou));
      List<Label> proposed =
          new PredictionLabels(dataset.task(), classes, dataset.kptShape()).convert(prediction, confidence);
      List<Label> labels =
          new OverlapFilter(OverlapFilter.PLATFORM_IOU)
              .keepNew(workspace.labels().get(dataset.id(), image.hash()), proposed);
      return new DatasetPrediction(dataset, image, model, confidence, iou, prediction, labels);
    }
  }

  /**
   * Checks that the model can label the dataset and maps its classes by name (adding the missing
   * ones first when asked).
   */
  private ClassMapping prepareClasses(Dataset dataset, ModelInfo model, boolean addClasses) {
    checkTask(dataset, model);
    ClassMapping classes = ClassMapping.byName(model.names(), dataset.classNames());
    if (addClasses && !classes.modelOnly().isEmpty()) {
      for (String name : classes.modelOnly()) {
        workspace.classes().add(dataset.id(), name);
      }
      classes = ClassMapping.byName(model.names(), workspace.datasets().require(dataset.id()).classNames());
    }
    if (classes.matched() == 0) {
      throw new IllegalArgumentException(
          "none of the model's " + model.names().size() + " classes is a class of dataset '" + dataset.slug()
              + "' (" + String.join(", ", dataset.classNames().subList(0, Math.min(6, dataset.classCount())))
              + (dataset.classCount() > 6 ? ", ..." : "") + "): add them with --add-classes");
    }
    return classes;
  }

  /** A model labels a dataset of its own task; any box-making model can label a detect dataset. */
  static void checkTask(Dataset dataset, ModelInfo model) {
    Task modelTask = model.task();
    Task task = dataset.task();
    boolean fits =
        modelTask == task
            || (task == Task.DETECT
                && (modelTask == Task.SEGMENT || modelTask == Task.POSE || modelTask == Task.OBB));
    if (!fits) {
      throw new IllegalArgumentException(
          "a " + (modelTask == null ? "model of unknown task" : modelTask.apiName() + " model")
              + " does not fit " + task.apiName() + " dataset '" + dataset.slug() + "'");
    }
    if (task == Task.POSE
        && (model.kptShape() == null || model.kptShape().keypoints() != dataset.kptShape().keypoints())) {
      throw new IllegalArgumentException(
          "the model's keypoints (" + (model.kptShape() == null ? "none" : model.kptShape().keypoints())
              + ") do not match dataset '" + dataset.slug() + "' (" + dataset.kptShape().keypoints() + ")");
    }
  }

  /** The selected images, in the order they were added. */
  private List<ImageRecord> select(Dataset dataset, ImageSelection selection) {
    List<ImageRecord> images = new ArrayList<>();
    if (selection.hashes() != null) {
      List<String> missing = new ArrayList<>();
      for (String hash : selection.hashes()) {
        workspace.images().find(dataset.id(), hash).ifPresentOrElse(images::add, () -> missing.add(hash));
      }
      if (!missing.isEmpty()) {
        throw new NotFoundException(
            missing.size() + " of the given images are not in dataset '" + dataset.slug() + "': "
                + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                + (missing.size() > 3 ? ", ..." : ""));
      }
      return images;
    }
    ImageQuery query =
        ImageQuery.all()
            .withSort(ImageSort.OLDEST)
            .withSplit(selection.split())
            .withHasLabel(selection.unlabeledOnly() ? Boolean.FALSE : null)
            .withPage(0, ImageQuery.MAX_LIMIT);
    while (true) {
      ImagePage page = workspace.images().list(dataset.id(), query);
      images.addAll(page.images());
      if (page.nextCursor() == null) {
        return images;
      }
      query = query.withCursor(page.nextCursor());
    }
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The totals of a run and the batch of labels not yet written. */
  private final class Progress {
    final String runId;
    final Map<String, List<Label>> batch = new LinkedHashMap<>();
    final Map<String, Integer> batchAdded = new HashMap<>();
    final Map<String, List<Label>> batchBase = new HashMap<>();
    final Map<String, String> refused = new LinkedHashMap<>();
    int done;
    int failed;
    int labeled;
    long added;
    long skipped;
    long unmapped;
    String firstProblem;

    Progress(String runId) {
      this.runId = runId;
    }

    void take(
        Dataset dataset, PredictionPipeline.Outcome<ImageRecord> outcome, PredictionLabels converter,
        OverlapFilter overlap, double conf) {
      done++;
      ImageRecord image = outcome.key();
      if (!outcome.ok()) {
        failed++;
        if (firstProblem == null) {
          firstProblem = image.filename() + ": " + outcome.error();
        }
        if (outcome.modelFailed() && failed == done && done >= FAILURES_BEFORE_GIVING_UP) {
          throw new WorkspaceException("stopped: the model failed on each of the first " + done + " images ("
              + outcome.error() + ")");
        }
        return;
      }
      List<Label> predicted = converter.convert(outcome.prediction(), conf);
      unmapped += converter.unmapped(outcome.prediction());
      if (predicted.isEmpty()) {
        return;
      }
      List<Label> existing = workspace.labels().get(dataset.id(), image.hash());
      List<Label> fresh = overlap.keepNew(existing, predicted);
      skipped += predicted.size() - fresh.size();
      if (fresh.isEmpty()) {
        return;
      }
      observer.added(image, outcome.prediction(), fresh);
      List<Label> all = new ArrayList<>(existing);
      all.addAll(fresh);
      batch.put(image.hash(), all);
      batchBase.put(image.hash(), existing);
      batchAdded.put(image.hash(), fresh.size());
      labeled++;
      added += fresh.size();
    }

    void flush() {
      Map<String, String> refusedNow = workspace.annotationRuns().apply(runId, batch, batchBase, counts(null));
      if (!refusedNow.isEmpty()) {
        for (String hash : refusedNow.keySet()) {
          labeled--;
          added -= batchAdded.getOrDefault(hash, 0);
        }
        refused.putAll(refusedNow);
        if (firstProblem == null) {
          firstProblem = refusedNow.values().iterator().next();
        }
        workspace.annotationRuns().apply(runId, Map.of(), counts(null));
      }
      batch.clear();
      batchBase.clear();
      batchAdded.clear();
    }

    RunCounts counts(String failure) {
      return new RunCounts(done, failed, labeled, added, skipped, failure != null ? failure : firstProblem);
    }
  }
}
