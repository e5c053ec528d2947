package dev.loupe.core.formats;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import java.util.List;
import java.util.Map;

/**
 * What a format reader learned about a dataset as a whole, before its images.
 *
 * @param extra keys of data.yaml (or of the NDJSON header) that Loupe does not interpret, in order,
 *     kept so that an export writes them back unchanged
 */
public record DatasetSpec(
    String name,
    String description,
    Task task,
    List<String> classNames,
    KptShape kptShape,
    List<Integer> flipIdx,
    Map<String, Object> extra) {
  public DatasetSpec {
    classNames = List.copyOf(classNames);
    flipIdx = flipIdx == null ? null : List.copyOf(flipIdx);
    extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
  }
}
