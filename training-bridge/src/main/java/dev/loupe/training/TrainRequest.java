package dev.loupe.training;

/**
 * A training to start.
 *
 * @param dataset id or slug of the dataset
 * @param version the dataset version to train on, or null for the dataset as it is now
 * @param args the train arguments; their task must be the dataset's
 */
public record TrainRequest(String dataset, Integer version, TrainArgs args) {
  public TrainRequest {
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("a training needs a dataset");
    }
    if (args == null) {
      throw new IllegalArgumentException("a training needs its arguments");
    }
  }
}
