package dev.loupe.core.metrics;

import dev.loupe.core.inference.Detection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects a validation image by image (predictions with confidence, class and geometry; the
 * truths) and gives the figures Ultralytics' validator gives: precision, recall, mAP50 and
 * mAP50-95, overall and per class. Predictions of an image must come highest confidence first, as
 * decoders return them. Not thread-safe: feed it from one thread.
 */
public final class ValidationAccumulator {
  private final List<String> names;
  private int images;
  private int[] correct = new int[256];
  private double[] confidence = new double[256];
  private int[] predictedClass = new int[256];
  private int predictions;
  private int[] trueClass = new int[256];
  private int truths;
  private int[] imagesPerClass = new int[0];

  public ValidationAccumulator(List<String> names) {
    this.names = List.copyOf(names);
  }

  /**
   * Adds one image by its similarity matrix.
   *
   * @param similarity {@code [truth][prediction]}: IoU, mask IoU, OKS or probiou
   */
  public void add(int[] predictedClasses, double[] confidences, int[] trueClasses, double[][] similarity) {
    if (predictedClasses.length != confidences.length) {
      throw new IllegalArgumentException(
          predictedClasses.length + " predicted classes but " + confidences.length + " confidences");
    }
    if (similarity.length != trueClasses.length
        || (trueClasses.length > 0 && similarity[0].length != predictedClasses.length)) {
      throw new IllegalArgumentException("the similarity matrix must be truths x predictions");
    }
    images++;
    int[] matched = PredictionMatcher.match(predictedClasses, trueClasses, similarity);
    for (int i = 0; i < predictedClasses.length; i++) {
      addPrediction(matched[i], confidences[i], predictedClasses[i]);
    }
    boolean[] seen = new boolean[0];
    for (int c : trueClasses) {
      addTruth(c);
      if (c >= seen.length) {
        seen = Arrays.copyOf(seen, c + 1);
      }
      if (!seen[c]) {
        seen[c] = true;
        if (c >= imagesPerClass.length) {
          imagesPerClass = Arrays.copyOf(imagesPerClass, c + 1);
        }
        imagesPerClass[c]++;
      }
    }
  }

  /** Adds one image of box predictions and truths (x1..y2 of each). */
  public void addBoxes(List<Detection> predictions, List<Detection> truths) {
    double[][] p = predictions.stream().map(ValidationAccumulator::box).toArray(double[][]::new);
    double[][] t = truths.stream().map(ValidationAccumulator::box).toArray(double[][]::new);
    add(predictions, truths, BoxIou.matrix(t, p));
  }

  /** Adds one image of rotated boxes ({@link Detection#obb()} of each), compared by probiou. */
  public void addRotatedBoxes(List<Detection> predictions, List<Detection> truths) {
    double[][] p = predictions.stream().map(d -> require(d.obb(), "obb")).toArray(double[][]::new);
    double[][] t = truths.stream().map(d -> require(d.obb(), "obb")).toArray(double[][]::new);
    add(predictions, truths, ProbIou.matrix(t, p));
  }

  /**
   * Adds one image of keypoints, compared by OKS with the truth's box area times 0.53 and the
   * sigmas of {@link Oks#sigmas}.
   *
   * @param dims values per keypoint (2 or 3)
   */
  public void addKeypoints(List<Detection> predictions, List<Detection> truths, int dims) {
    double[][] similarity = new double[truths.size()][predictions.size()];
    for (int t = 0; t < truths.size(); t++) {
      Detection truth = truths.get(t);
      double[] kt = require(truth.keypoints(), "keypoints");
      double[] sigmas = Oks.sigmas(kt.length / dims);
      double area = (truth.x2() - truth.x1()) * (truth.y2() - truth.y1()) * Oks.AREA_FACTOR;
      for (int p = 0; p < predictions.size(); p++) {
        similarity[t][p] = Oks.of(kt, require(predictions.get(p).keypoints(), "keypoints"), dims, area, sigmas);
      }
    }
    add(predictions, truths, similarity);
  }

  /**
   * Adds one image of polygons ({@link Detection#segments()}), compared by mask IoU on a grid of the
   * image scaled by {@code scale} (Ultralytics compares masks at a quarter of the input size).
   */
  public void addMasks(List<Detection> predictions, List<Detection> truths, int width, int height, double scale) {
    int w = Math.max(1, (int) Math.round(width * scale));
    int h = Math.max(1, (int) Math.round(height * scale));
    List<boolean[]> p = new ArrayList<>();
    for (Detection d : predictions) {
      p.add(MaskIou.rasterize(d.segments(), w, h, scale));
    }
    List<boolean[]> t = new ArrayList<>();
    for (Detection d : truths) {
      t.add(MaskIou.rasterize(d.segments(), w, h, scale));
    }
    add(predictions, truths, MaskIou.matrix(t, p));
  }

  public int images() {
    return images;
  }

  /** The figures so far. */
  public ValidationMetrics result() {
    int[] trueCls = Arrays.copyOf(trueClass, truths);
    int[] classes = Arrays.stream(trueCls).distinct().sorted().toArray();
    int[] instances = new int[classes.length];
    for (int ci = 0; ci < classes.length; ci++) {
      for (int c : trueCls) {
        if (c == classes[ci]) {
          instances[ci]++;
        }
      }
    }
    boolean anyTruePositive = false;
    for (int i = 0; i < predictions; i++) {
      anyTruePositive |= correct[i] != 0;
    }
    double[][] ap = new double[classes.length][PredictionMatcher.IOU_THRESHOLDS.length];
    double[] precision = new double[classes.length];
    double[] recall = new double[classes.length];
    if (anyTruePositive) { // Ultralytics leaves every figure at 0 without one
      AveragePrecision.PerClass perClass =
          AveragePrecision.perClass(
              Arrays.copyOf(correct, predictions),
              Arrays.copyOf(confidence, predictions),
              Arrays.copyOf(predictedClass, predictions),
              trueCls,
              PredictionMatcher.IOU_THRESHOLDS.length);
      ap = perClass.ap();
      precision = perClass.precision();
      recall = perClass.recall();
    }
    List<ClassMetrics> rows = new ArrayList<>();
    double sumP = 0;
    double sumR = 0;
    double sum50 = 0;
    double sumAll = 0;
    for (int ci = 0; ci < classes.length; ci++) {
      int c = classes[ci];
      double map = Arrays.stream(ap[ci]).average().orElse(0);
      rows.add(
          new ClassMetrics(
              c, c < names.size() ? names.get(c) : "class" + c, imagesPerClass[c], instances[ci],
              precision[ci], recall[ci], ap[ci][0], map));
      sumP += precision[ci];
      sumR += recall[ci];
      sum50 += ap[ci][0];
      sumAll += map;
    }
    int n = Math.max(classes.length, 1);
    ClassMetrics all =
        new ClassMetrics(
            -1, "all", images, truths, sumP / n, sumR / n, classes.length == 0 ? 0 : sum50 / n,
            classes.length == 0 ? 0 : sumAll / n);
    return new ValidationMetrics(all, rows);
  }

  private void add(List<Detection> predictions, List<Detection> truths, double[][] similarity) {
    add(
        predictions.stream().mapToInt(Detection::classId).toArray(),
        predictions.stream().mapToDouble(Detection::confidence).toArray(),
        truths.stream().mapToInt(Detection::classId).toArray(),
        similarity);
  }

  private void addPrediction(int matched, double conf, int cls) {
    if (predictions == correct.length) {
      int size = predictions * 2;
      correct = Arrays.copyOf(correct, size);
      confidence = Arrays.copyOf(confidence, size);
      predictedClass = Arrays.copyOf(predictedClass, size);
    }
    correct[predictions] = matched;
    confidence[predictions] = conf;
    predictedClass[predictions] = cls;
    predictions++;
  }

  private void addTruth(int cls) {
    if (cls < 0) {
      throw new IllegalArgumentException("class ids are never negative, got " + cls);
    }
    if (truths == trueClass.length) {
      trueClass = Arrays.copyOf(trueClass, truths * 2);
    }
    trueClass[truths++] = cls;
  }

  private static double[] box(Detection d) {
    return new double[] {d.x1(), d.y1(), d.x2(), d.y2()};
  }

  private static double[] require(double[] value, String what) {
    if (value == null) {
      throw new IllegalArgumentException("a detection without " + what + " cannot be compared by " + what);
    }
    return value;
  }
}
