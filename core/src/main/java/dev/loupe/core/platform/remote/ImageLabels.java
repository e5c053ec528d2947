package dev.loupe.core.platform.remote;

import java.util.List;

/** {@code GET /api/datasets/{id}/images/{hash}/labels} (and the body of its PUT, without names). */
public record ImageLabels(List<RemoteLabel> labels, List<String> classNames) {
  public ImageLabels {
    labels = labels == null ? List.of() : List.copyOf(labels);
  }
}
