package dev.loupe.core.annotate;

import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.metrics.ValidationMetrics;
import java.util.Map;

/**
 * What validating a model on a dataset split found.
 *
 * @param metrics the figures by kind, in Ultralytics' order: {@code box} (B), {@code mask} (M),
 *     {@code pose} (P) or {@code obb}; empty for classify
 * @param top1 classify only: share of images whose top class is right (else NaN)
 * @param top5 classify only: share whose right class is among the top five (else NaN)
 * @param failedImages images that could not be read or predicted (left out of the figures)
 * @param firstProblem the first such failure, or null
 * @param classDifferences how the model's and the dataset's classes differ, or null when identical
 * @param seconds wall time of the validation
 */
public record ValidationReport(
    String model,
    String dataset,
    Task task,
    Split split,
    int images,
    int failedImages,
    String firstProblem,
    Map<String, ValidationMetrics> metrics,
    double top1,
    double top5,
    String classDifferences,
    double seconds) {
  public ValidationReport {
    metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
  }
}
