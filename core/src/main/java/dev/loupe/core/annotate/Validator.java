package dev.loupe.core.annotate;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import dev.loupe.core.io.OrientedImageReader;
import dev.loupe.core.metrics.ValidationAccumulator;
import dev.loupe.core.metrics.ValidationMetrics;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a model on a dataset split against the workspace's labels, as {@code yolo val} does
 * (conf 0.001, iou 0.7 by default): precision, recall, mAP50 and mAP50-95, overall and per class;
 * box figures for every task that has boxes, plus mask (segment), pose (OKS) or rotated-box (obb)
 * figures; top-1 and top-5 accuracy for classify.
 *
 * <p>Classes are matched by name between model and dataset; predictions of classes the dataset
 * lacks are left out (they cannot change the mean over the dataset's classes), and the report says
 * how the class lists differ.
 */
public final class Validator {
  /** Masks are compared on a grid of this many pixels on the long side (a quarter of 640, as Ultralytics). */
  static final int MASK_GRID = 160;

  private final Workspace workspace;
  private final PredictorFactory predictors;
  private final OrientedImageReader reader = new OrientedImageReader();

  public Validator(Workspace workspace, PredictorFactory predictors) {
    this.workspace = workspace;
    this.predictors = predictors;
  }

  public ValidationReport validate(
      String datasetIdOrSlug, String modelIdOrSlug, ValidateOptions options, TaskMonitor monitor) throws IOException {
    ModelRecord model = workspace.models().require(modelIdOrSlug);
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    try (Predictor predictor = predictors.open(workspace.models().runnableFile(model))) {
      return validate(dataset, model.name(), predictor, options, monitor);
    }
  }

  public ValidationReport validate(
      Dataset dataset, String modelName, Predictor predictor, ValidateOptions options, TaskMonitor monitor) {
    long start = System.nanoTime();
    Task task = dataset.task();
    AutoAnnotator.checkTask(dataset, predictor.info());
    ClassMapping classes = ClassMapping.byName(predictor.info().names(), dataset.classNames());
    if (classes.matched() == 0) {
      throw new IllegalArgumentException(
          "none of the model's " + predictor.info().names().size() + " classes is a class of dataset '"
              + dataset.slug() + "': nothing to validate");
    }
    List<ImageRecord> images = split(dataset, options);
    if (images.isEmpty()) {
      throw new IllegalArgumentException(
          "dataset '" + dataset.slug() + "' has no " + options.split().apiName() + " images to validate on");
    }
    Map<String, ValidationAccumulator> kinds = new LinkedHashMap<>();
    for (String kind : kinds(task)) {
      kinds.put(kind, new ValidationAccumulator(dataset.classNames()));
    }
    int done = 0;
    int failed = 0;
    int top1 = 0;
    int top5 = 0;
    String firstProblem = null;
    PredictOptions predictOptions = new PredictOptions(options.conf(), options.iou(), 0, 300, java.util.Set.of(), false);
    try (PredictionPipeline<ImageRecord> pipeline =
        new PredictionPipeline<>(predictor, predictOptions, reader, options.decoders(), options.predictors())) {
      int next = 0;
      while (true) {
        while (next < images.size() && pipeline.hasRoom()) {
          ImageRecord image = images.get(next++);
          pipeline.submit(image, workspace.content().path(image.hash()));
        }
        if (pipeline.isEmpty()) {
          break;
        }
        monitor.checkCancelled();
        PredictionPipeline.Outcome<ImageRecord> outcome = pipeline.next();
        done++;
        monitor.progress(done, images.size(), "validating " + modelName);
        if (!outcome.ok()) {
          failed++;
          firstProblem = firstProblem != null ? firstProblem : outcome.key().filename() + ": " + outcome.error();
          continue;
        }
        ImagePrediction prediction = outcome.prediction();
        List<dev.loupe.core.domain.Label> labels = workspace.labels().get(dataset.id(), outcome.key().hash());
        if (task == Task.CLASSIFY) {
          int truth = labels.isEmpty() ? -1 : labels.get(0).classId();
          List<ClassScore> top = prediction.top5();
          for (int i = 0; i < top.size(); i++) {
            if (truth >= 0 && classes.datasetClass(top.get(i).classId()) == truth) {
              top1 += i == 0 ? 1 : 0;
              top5++;
            }
          }
          continue;
        }
        List<Detection> truths =
            GroundTruth.of(labels, dataset.classNames(), prediction.width(), prediction.height());
        List<Detection> predicted = mapped(prediction.results(), classes, dataset);
        for (var entry : kinds.entrySet()) {
          add(entry.getKey(), entry.getValue(), predicted, truths, prediction, dataset);
        }
      }
    }
    Map<String, ValidationMetrics> metrics = new LinkedHashMap<>();
    kinds.forEach((kind, accumulator) -> metrics.put(kind, accumulator.result()));
    int validated = done - failed;
    return new ValidationReport(
        modelName, dataset.slug(), task, options.split(), validated, failed, firstProblem, metrics,
        task == Task.CLASSIFY && validated > 0 ? (double) top1 / validated : Double.NaN,
        task == Task.CLASSIFY && validated > 0 ? (double) top5 / validated : Double.NaN,
        classes.differences(), (System.nanoTime() - start) / 1e9);
  }

  /** Which figures a dataset's labels and the model's outputs allow. */
  private static List<String> kinds(Task task) {
    return switch (task) {
      case SEGMENT -> List.of("box", "mask");
      case POSE -> List.of("box", "pose");
      case OBB -> List.of("obb");
      case CLASSIFY -> List.of();
      default -> List.of("box");
    };
  }

  private static void add(
      String kind, ValidationAccumulator accumulator, List<Detection> predicted, List<Detection> truths,
      ImagePrediction prediction, Dataset dataset) {
    switch (kind) {
      case "mask" -> {
        double scale = Math.min(1.0, (double) MASK_GRID / Math.max(prediction.width(), prediction.height()));
        accumulator.addMasks(predicted, truths, prediction.width(), prediction.height(), scale);
      }
      case "pose" -> accumulator.addKeypoints(predicted, truths, dataset.kptShape().dims());
      case "obb" -> accumulator.addRotatedBoxes(predicted, truths);
      default -> accumulator.addBoxes(predicted, truths);
    }
  }

  /**
   * The predictions in dataset classes, highest confidence first; pose keypoints cut to the
   * dataset's values per keypoint.
   */
  private static List<Detection> mapped(List<Detection> results, ClassMapping classes, Dataset dataset) {
    List<Detection> out = new ArrayList<>();
    for (Detection d : results) {
      int cls = classes.datasetClass(d.classId());
      if (cls < 0) {
        continue;
      }
      double[] keypoints = d.keypoints();
      if (keypoints != null && dataset.kptShape() != null) {
        keypoints = keypointsAs(keypoints, dataset.kptShape().keypoints(), dataset.kptShape().dims());
      }
      out.add(new Detection(cls, dataset.classNames().get(cls), d.confidence(), d.x1(), d.y1(), d.x2(), d.y2(),
          d.segments(), keypoints, d.obb()));
    }
    out.sort(Comparator.comparingDouble(Detection::confidence).reversed());
    return out;
  }

  private static double[] keypointsAs(double[] values, int k, int dims) {
    int have = values.length / k;
    if (have == dims) {
      return values;
    }
    double[] out = new double[k * dims];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < dims; j++) {
        out[i * dims + j] = j < have ? values[i * have + j] : 1;
      }
    }
    return out;
  }

  private List<ImageRecord> split(Dataset dataset, ValidateOptions options) {
    List<ImageRecord> images = new ArrayList<>();
    ImageQuery query =
        ImageQuery.all().withSort(ImageSort.OLDEST).withSplit(options.split()).withPage(0, ImageQuery.MAX_LIMIT);
    while (true) {
      ImagePage page = workspace.images().list(dataset.id(), query);
      images.addAll(page.images());
      if (page.nextCursor() == null) {
        return images;
      }
      query = query.withCursor(page.nextCursor());
    }
  }
}
