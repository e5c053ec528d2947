package dev.loupe.core.annotate;

import dev.loupe.core.workspace.AnnotationRun;
import java.util.Map;

/**
 * What an auto-annotation run did.
 *
 * @param unmappedPredictions predictions dropped because the dataset has no class of that name
 * @param refused images whose new labels the dataset refused, with the reason
 * @param classDifferences how the model's and the dataset's classes differ, or null
 */
public record AnnotateResult(
    AnnotationRun run, long unmappedPredictions, Map<String, String> refused, String classDifferences) {
  public AnnotateResult {
    refused = Map.copyOf(refused);
  }

  public boolean cancelled() {
    return AnnotationRun.CANCELLED.equals(run.state());
  }
}
