package dev.loupe.training;

import dev.loupe.core.domain.Dataset;

/**
 * Where the platform holds a copy of a local dataset: the {@code ul://username/datasets/slug} URI
 * cloud training is given as its data. The push and sync engine knows which remote dataset a local
 * one was pushed to and plugs in here; {@link PlatformDatasetLookup} finds one by slug until then.
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
}
