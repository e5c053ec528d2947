package dev.loupe.core.platform.remote;

/**
 * The thresholds of {@code POST /api/models/{id}/predict}; null leaves the platform's default
 * (conf 0.25, iou 0.7, imgsz 640).
 */
public record PredictOptions(Double conf, Double iou, Integer imgsz) {
  public static PredictOptions defaults() {
    return new PredictOptions(null, null, null);
  }
}
