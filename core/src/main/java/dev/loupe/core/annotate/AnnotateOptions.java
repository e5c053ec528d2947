package dev.loupe.core.annotate;

/**
 * The knobs of an auto-annotation run.
 *
 * @param conf minimum confidence of a prediction (platform default 0.25)
 * @param iou IoU threshold of the model's non-maximum suppression (default 0.7)
 * @param addClasses add the model's classes the dataset lacks before the run (else predictions of
 *     those classes are dropped)
 * @param decodeThreads threads reading images (0: the cores the model's threads leave, at least one)
 * @param predictThreads threads running the model at once (0: half the cores, at least one)
 */
public record AnnotateOptions(
    ImageSelection selection, double conf, double iou, boolean addClasses, int decodeThreads, int predictThreads) {
  public AnnotateOptions {
    if (!(conf >= 0 && conf <= 1)) {
      throw new IllegalArgumentException("conf must be within 0..1, got " + conf);
    }
    if (!(iou >= 0 && iou <= 1)) {
      throw new IllegalArgumentException("iou must be within 0..1, got " + iou);
    }
    selection = selection == null ? ImageSelection.all() : selection;
  }

  public static AnnotateOptions of(ImageSelection selection) {
    return new AnnotateOptions(selection, 0.25, 0.7, false, 0, 0);
  }

  public AnnotateOptions withThresholds(double newConf, double newIou) {
    return new AnnotateOptions(selection, newConf, newIou, addClasses, decodeThreads, predictThreads);
  }

  public AnnotateOptions withAddClasses(boolean value) {
    return new AnnotateOptions(selection, conf, iou, value, decodeThreads, predictThreads);
  }

  public AnnotateOptions withThreads(int decode, int predict) {
    return new AnnotateOptions(selection, conf, iou, addClasses, decode, predict);
  }

  int decoders() {
    // more readers than the cores the model leaves compete with ONNX Runtime's own threads (on two
    // cores, 2 readers + 1 model ran at 9.6 images/s, 1 + 1 at 16.4: docs/benchmarks.md)
    return decodeThreads > 0
        ? decodeThreads
        : Math.max(1, Runtime.getRuntime().availableProcessors() - predictors());
  }

  int predictors() {
    return predictThreads > 0 ? predictThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }
}
