package dev.loupe.core.annotate;

import dev.loupe.core.domain.Split;

/**
 * The knobs of a validation, with Ultralytics' validation defaults (split val, conf 0.001, iou 0.7).
 *
 * @param decodeThreads threads reading images (0: one per core)
 * @param predictThreads threads running the model at once (0: half the cores, at least one)
 */
public record ValidateOptions(Split split, double conf, double iou, int decodeThreads, int predictThreads) {
  public static final ValidateOptions DEFAULTS = new ValidateOptions(Split.VAL, 0.001, 0.7, 0, 0);

  public ValidateOptions {
    split = split == null ? Split.VAL : split;
    if (!(conf >= 0 && conf <= 1)) {
      throw new IllegalArgumentException("conf must be within 0..1, got " + conf);
    }
    if (!(iou >= 0 && iou <= 1)) {
      throw new IllegalArgumentException("iou must be within 0..1, got " + iou);
    }
  }

  public ValidateOptions withSplit(Split value) {
    return new ValidateOptions(value, conf, iou, decodeThreads, predictThreads);
  }

  public ValidateOptions withThresholds(double newConf, double newIou) {
    return new ValidateOptions(split, newConf, newIou, decodeThreads, predictThreads);
  }

  int decoders() {
    return decodeThreads > 0 ? decodeThreads : Runtime.getRuntime().availableProcessors();
  }

  int predictors() {
    return predictThreads > 0 ? predictThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  }
}
