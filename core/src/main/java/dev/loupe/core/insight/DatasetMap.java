package dev.loupe.core.insight;

import java.time.Instant;
import java.util.List;

/**
 * A stored 2-D map of a dataset: one point per image, laid out from the embeddings of {@code model}
 * ("builtin" or a model id) with {@code seed}, coloured into {@code clusters} clusters.
 */
public record DatasetMap(
    String datasetId, String model, long seed, int clusters, Instant createdAt, List<MapPoint> points) {
  public DatasetMap {
    points = List.copyOf(points);
  }
}
