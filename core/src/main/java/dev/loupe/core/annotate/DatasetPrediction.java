package dev.loupe.core.annotate;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.ImagePrediction;
import java.util.List;

/**
 * A model's proposal for one image of a dataset ({@code POST /api/datasets/{id}/predict}): what the
 * model saw, and the labels a run would add (in the dataset's classes, not overlapping the image's
 * labels). Nothing is written.
 */
public record DatasetPrediction(
    Dataset dataset, ImageRecord image, ModelRecord model, double confidence, double iou,
    ImagePrediction prediction, List<Label> labels) {
  public DatasetPrediction {
    labels = List.copyOf(labels);
  }
}
