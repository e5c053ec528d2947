package dev.loupe.core.workspace;

import dev.loupe.core.domain.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run to record.
 *
 * @param dataset id or slug of the dataset trained on
 * @param datasetVersion its version, or null for the live dataset
 * @param backend {@code local}
 * @param name the run's name (null or blank: one is made from the dataset's slug)
 * @param args the train arguments, in the order they are given
 * @param epochs the epochs asked for
 */
public record NewTrainingRun(
    String dataset, Integer datasetVersion, String backend, Task task, String name, Map<String, String> args,
    int epochs) {
  public NewTrainingRun {
    args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
  }
}
