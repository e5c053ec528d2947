package dev.loupe.core.platform.remote;

import java.util.List;

/** A page of {@code GET /api/datasets/{id}/images}. */
public record ImagePage(List<RemoteImage> images, Long total, Integer offset, Integer limit, String nextCursor) {
  public ImagePage {
    images = images == null ? List.of() : List.copyOf(images);
  }
}
