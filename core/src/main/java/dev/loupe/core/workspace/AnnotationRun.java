package dev.loupe.core.workspace;

import java.time.Instant;

/**
 * One recorded auto-annotation run over a dataset.
 *
 * @param state {@code running}, {@code completed}, {@code cancelled}, {@code failed} or {@code
 *     reverted}; a process killed mid-run leaves {@code running}
 * @param selection which images were asked for: {@code all}, {@code split:val}, {@code unlabeled},
 *     {@code images:N}
 * @param imagesLabeled images that received at least one new label (these can be reverted)
 * @param labelsSkipped predictions left out because they overlap an existing label of their class
 * @param message the first problem met (an image that could not be read), or null
 */
public record AnnotationRun(
    String id,
    String datasetId,
    String modelId,
    String modelName,
    double conf,
    double iou,
    String selection,
    String state,
    int imagesTotal,
    int imagesDone,
    int imagesFailed,
    int imagesLabeled,
    long labelsAdded,
    long labelsSkipped,
    String message,
    Instant createdAt,
    Instant finishedAt,
    Instant revertedAt) {
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String CANCELLED = "cancelled";
  public static final String FAILED = "failed";
  public static final String REVERTED = "reverted";
}
