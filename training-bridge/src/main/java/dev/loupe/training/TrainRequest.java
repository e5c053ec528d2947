package dev.loupe.training;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;

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

  /** The dataset to train, from {@code workspace}; refused when its task is not the arguments'. */
  Dataset checkedDataset(Workspace workspace) {
    Dataset d = workspace.datasets().require(dataset);
    if (args.task() != d.task()) {
      throw new IllegalArgumentException(
          "dataset " + d.slug() + " is a " + d.task().apiName() + " dataset, not " + args.task().apiName());
    }
    return d;
  }
}
