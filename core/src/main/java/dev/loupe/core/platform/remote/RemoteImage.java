package dev.loupe.core.platform.remote;

import java.util.List;

/**
 * An image of {@code GET /api/datasets/{id}/images}. {@code hash} is the platform's image name (not
 * Loupe's sha-256); {@code url} / {@code imageUrl} and {@code thumbnailUrl} are signed and expire.
 */
public record RemoteImage(
    String hash,
    String filename,
    Integer width,
    Integer height,
    Long size,
    String split,
    Integer labelCount,
    Boolean hasError,
    String errorReason,
    String url,
    String imageUrl,
    String thumbnailUrl,
    List<RemoteLabel> labels,
    String createdAt,
    String updatedAt) {

  /** The full-size image's signed URL, whichever field carries it; null when none. */
  public String fullImageUrl() {
    return imageUrl != null ? imageUrl : url;
  }
}
