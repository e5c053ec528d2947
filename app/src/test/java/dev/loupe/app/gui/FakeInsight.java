package dev.loupe.app.gui;

import dev.loupe.core.insight.DatasetInsight;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.EmbedResult;
import dev.loupe.core.insight.MapOptions;
import dev.loupe.core.insight.MapPoint;
import dev.loupe.core.insight.SimilarImage;
import dev.loupe.core.task.TaskMonitor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted {@link DatasetInsight} for GUI tests: maps, neighbours and duplicate groups as set, and
 * a record of what was asked.
 */
public final class FakeInsight implements DatasetInsight {
  public final Map<String, DatasetMap> stored = new HashMap<>();
  /** What {@link #map} returns (and then stores); null makes it fail. */
  public List<MapPoint> made;
  public final List<MapOptions> mapCalls = new ArrayList<>();
  public final List<String> storedMapModels = new ArrayList<>();
  public List<SimilarImage> similar = List.of();
  public final List<String> similarCalls = new ArrayList<>();
  /** Thrown by {@link #similar} when set. */
  public RuntimeException similarFailure;
  public List<DuplicateGroup> duplicates = List.of();
  public final List<Double> duplicateThresholds = new ArrayList<>();

  public static DatasetMap map(String datasetId, List<MapPoint> points) {
    return new DatasetMap(datasetId, "builtin", 0, 3, Instant.EPOCH, points);
  }

  @Override
  public EmbedResult embed(String dataset, EmbedOptions options, TaskMonitor monitor) {
    return new EmbedResult(dataset, 0, 0, 8, "builtin");
  }

  @Override
  public synchronized DatasetMap map(String dataset, MapOptions options, TaskMonitor monitor) {
    mapCalls.add(options);
    if (made == null) {
      throw new IllegalStateException("the dataset has fewer images than neighbours");
    }
    DatasetMap m = map(dataset, made);
    stored.put(dataset, m);
    return m;
  }

  @Override
  public synchronized Optional<DatasetMap> storedMap(String dataset, String model) {
    storedMapModels.add(model);
    return Optional.ofNullable(stored.get(dataset));
  }

  @Override
  public synchronized List<SimilarImage> similar(String dataset, String hash, int k, String model) {
    similarCalls.add(hash + " k=" + k + " " + model);
    if (similarFailure != null) {
      throw similarFailure;
    }
    return similar.subList(0, Math.min(k, similar.size()));
  }

  @Override
  public synchronized List<DuplicateGroup> duplicates(String dataset, double threshold, TaskMonitor monitor) {
    duplicateThresholds.add(threshold);
    return duplicates;
  }
}
