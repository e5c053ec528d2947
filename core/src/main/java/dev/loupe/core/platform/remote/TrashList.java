package dev.loupe.core.platform.remote;

import java.util.List;

/** {@code GET /api/trash}. */
public record TrashList(List<TrashItem> items, Long total) {
  public TrashList {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
