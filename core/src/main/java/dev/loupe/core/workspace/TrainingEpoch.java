package dev.loupe.core.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch of a training run: a row of the run's {@code results.csv}.
 *
 * @param epoch the epoch as results.csv numbers it (from 1)
 * @param values the row's columns by their trimmed header names ({@code metrics/mAP50(B)},
 *     {@code train/box_loss}, {@code lr/pg0}, ...), in file order; values that were not numbers
 *     ({@code nan}) are left out
 */
public record TrainingEpoch(int epoch, Map<String, Double> values) {
  public TrainingEpoch {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The value of a column, or null when the row has none. */
  public Double value(String column) {
    return values.get(column);
  }
}
