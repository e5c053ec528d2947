package dev.loupe.core.workspace;

import java.time.Instant;

/**
 * An image both sides changed since they last agreed: the local version was kept, the remote one
 * is stored here until the user resolves it (table {@code sync_conflict}).
 *
 * @param kind {@link #LABELS}, {@link #DELETED_REMOTELY} or {@link #DELETED_LOCALLY}
 * @param remoteSplit the remote image's split, null when deleted remotely
 * @param remoteLabels the remote labels as the platform's JSON label list, null when deleted remotely
 * @param resolution null while open, else {@code local} or {@code remote}
 */
public record SyncConflict(
    long id,
    String datasetId,
    String localHash,
    String kind,
    String remoteSplit,
    String remoteLabels,
    String remoteFingerprint,
    Instant createdAt,
    Instant resolvedAt,
    String resolution) {
  public static final String LABELS = "labels";
  public static final String DELETED_REMOTELY = "deleted-remotely";
  public static final String DELETED_LOCALLY = "deleted-locally";

  public boolean open() {
    return resolvedAt == null;
  }
}
