package dev.loupe.training;

/** The platform has no copy of a dataset that a cloud training needs; says how to push one. */
public final class RemoteDatasetMissingException extends IllegalArgumentException {
  public RemoteDatasetMissingException(String datasetSlug, String why) {
    super("dataset " + datasetSlug + " has no copy on the platform" + (why == null ? "" : " (" + why + ")")
        + ": push the dataset first: loupe platform push " + datasetSlug);
  }
}
