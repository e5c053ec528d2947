package dev.loupe.training;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.task.TaskMonitor;

/**
 * Where the platform holds a copy of a local dataset: the {@code ul://username/datasets/slug} URI
 * cloud training is given as its data. {@link SyncedDatasetResolver} reads the link the push and
 * sync engine keeps; {@link PlatformDatasetLookup} finds a dataset of the same slug made elsewhere.
 */
@FunctionalInterface
public interface RemoteDatasetResolver {
  /**
   * The {@code ul://} URI of {@code dataset}'s copy on the platform.
   *
   * @param version the dataset version to train on, or null for the dataset as it is
   * @throws RemoteDatasetMissingException when the platform has no copy of it yet
   */
  String uri(Dataset dataset, Integer version);

  /**
   * The same, for a caller with long work's progress and cancel to offer: a resolver that pushes
   * the dataset first ({@link PushFirstResolver}) reports the push there. The default ignores it.
   */
  default String uri(Dataset dataset, Integer version, TaskMonitor monitor) {
    return uri(dataset, version);
  }
}
