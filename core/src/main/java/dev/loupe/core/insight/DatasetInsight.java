package dev.loupe.core.insight;

import dev.loupe.core.task.TaskMonitor;
import java.util.List;
import java.util.Optional;

/**
 * Embeddings, maps, similar images and duplicates of a dataset's images. Datasets are named by id or
 * slug; unknown datasets, hashes or models throw {@link dev.loupe.core.workspace.NotFoundException}.
 */
public interface DatasetInsight {
  /** Makes the vectors that are missing for the dataset's images (incremental: stored by image hash and model). */
  EmbedResult embed(String dataset, EmbedOptions options, TaskMonitor monitor);

  /** Embeds where needed, lays every image out, clusters, stores the map and returns it. */
  DatasetMap map(String dataset, MapOptions options, TaskMonitor monitor);

  /** The newest stored map of the dataset for {@code model} ("builtin" or a model id), if any. */
  Optional<DatasetMap> storedMap(String dataset, String model);

  /** The {@code k} images nearest to {@code hash} (left out), nearest first, by the vectors of {@code model}. */
  List<SimilarImage> similar(String dataset, String hash, int k, String model);

  /** Groups of exact and near duplicates; {@code threshold} from 0 (only exact) to 1 (loosest). */
  List<DuplicateGroup> duplicates(String dataset, double threshold, TaskMonitor monitor);
}
