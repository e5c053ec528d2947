package dev.loupe.core.platform.remote;

import java.util.List;

/** {@code GET /api/models} and {@code GET /api/datasets/{id}/models}: {@code {"models": [...], "count": 1}}. */
public record ModelList(List<RemoteModel> models, Integer count, Long total) {
  public ModelList {
    models = models == null ? List.of() : List.copyOf(models);
  }
}
