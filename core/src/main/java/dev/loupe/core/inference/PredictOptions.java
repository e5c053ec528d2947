package dev.loupe.core.inference;

import java.util.Set;

/**
 * The knobs of one prediction, with Ultralytics' defaults.
 *
 * @param conf minimum confidence (predict 0.25, validation 0.001)
 * @param iou IoU threshold of non-maximum suppression
 * @param imgsz input size for a dynamic model, 0 to use the size the model was exported with
 * @param maxDet most detections kept per image
 * @param classes class ids to keep, empty for all
 * @param agnostic class-agnostic NMS
 */
public record PredictOptions(
    double conf, double iou, int imgsz, int maxDet, Set<Integer> classes, boolean agnostic) {
  public static final PredictOptions DEFAULTS = new PredictOptions(0.25, 0.7, 0, 300, Set.of(), false);

  public PredictOptions {
    if (!(conf >= 0 && conf <= 1)) {
      throw new IllegalArgumentException("conf must be within 0..1, got " + conf);
    }
    if (!(iou >= 0 && iou <= 1)) {
      throw new IllegalArgumentException("iou must be within 0..1, got " + iou);
    }
    if (imgsz < 0) {
      throw new IllegalArgumentException("imgsz must be positive, got " + imgsz);
    }
    if (maxDet < 1) {
      throw new IllegalArgumentException("max_det must be at least 1, got " + maxDet);
    }
    classes = Set.copyOf(classes);
  }

  public PredictOptions withConf(double value) {
    return new PredictOptions(value, iou, imgsz, maxDet, classes, agnostic);
  }

  public PredictOptions withIou(double value) {
    return new PredictOptions(conf, value, imgsz, maxDet, classes, agnostic);
  }
}
