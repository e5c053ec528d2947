package dev.loupe.core.metrics;

import java.util.List;

/**
 * What a validation found: the figures over all classes and per class (the classes of the truths,
 * ascending by id).
 */
public record ValidationMetrics(ClassMetrics all, List<ClassMetrics> classes) {
  public ValidationMetrics {
    classes = List.copyOf(classes);
  }

  /** Ultralytics' fitness: 0.1 mAP50 + 0.9 mAP50-95. */
  public double fitness() {
    return 0.1 * all.map50() + 0.9 * all.map50to95();
  }
}
