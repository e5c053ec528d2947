package dev.loupe.core.workspace;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/datasets} takes. {@code slug} may be null: it is then derived from the name
 * and made unique.
 */
public record NewDataset(
    String slug,
    String name,
    String description,
    Task task,
    List<String> classNames,
    Visibility visibility,
    KptShape kptShape,
    List<Integer> flipIdx,
    Map<String, Object> extra) {
  public NewDataset {
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    description = description == null ? "" : description;
    visibility = visibility == null ? Visibility.PRIVATE : visibility;
    extra = extra == null ? Map.of() : extra;
  }

  public static NewDataset of(String name, Task task, List<String> classNames) {
    return new NewDataset(null, name, "", task, classNames, Visibility.PRIVATE, null, null, Map.of());
  }
}
