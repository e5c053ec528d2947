package dev.loupe.core.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset's metadata, as the platform API describes it.
 *
 * @param id stable identifier ({@code ds_...})
 * @param extra data.yaml keys Loupe does not interpret, kept in order for a faithful round trip
 * @param revision bumped by every change to the dataset, its images or its labels
 */
public record Dataset(
    String id,
    String slug,
    String name,
    String description,
    Task task,
    List<String> classNames,
    Visibility visibility,
    KptShape kptShape,
    List<Integer> flipIdx,
    Map<String, Object> extra,
    Instant createdAt,
    Instant updatedAt,
    long revision) {
  public Dataset {
    classNames = List.copyOf(classNames);
    flipIdx = flipIdx == null ? null : List.copyOf(flipIdx);
    extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
  }

  public int classCount() {
    return classNames.size();
  }
}
