package dev.loupe.labeling.model;

import dev.loupe.core.domain.Label;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces the geometry or class of shapes: a move, a resize, a rotation, a vertex edit, a class
 * change. Holds the labels before and after, by shape id.
 */
public record ChangeShapes(String name, Map<Long, Label> before, Map<Long, Label> after) implements Edit {
  public ChangeShapes {
    if (!before.keySet().equals(after.keySet())) {
      throw new IllegalArgumentException("before and after must name the same shapes");
    }
    before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
    after = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(after));
  }

  /** A change of one shape. */
  public static ChangeShapes of(String name, long id, Label before, Label after) {
    return new ChangeShapes(name, Map.of(id, before), Map.of(id, after));
  }

  /** True when nothing would change (a click without a drag). */
  public boolean isEmpty() {
    return before.equals(after);
  }

  @Override
  public void apply(LabelDocument document) {
    after.forEach(document::replace);
  }

  @Override
  public void revert(LabelDocument document) {
    before.forEach(document::replace);
  }
}
