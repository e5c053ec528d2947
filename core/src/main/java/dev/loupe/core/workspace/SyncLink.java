package dev.loupe.core.workspace;

import java.time.Instant;

/**
 * A local dataset linked to a remote one (migration V6, {@code sync_link}).
 *
 * @param server the API base URL the remote dataset lives on
 * @param lastLocalRevision the local dataset's revision when the last sync ended
 * @param lastRemoteState what the remote dataset said of itself (update time, counts) when the last
 *     complete two-way sync began; null when the next sync must compare every image
 */
public record SyncLink(
    String datasetId,
    String server,
    String remoteId,
    String remoteSlug,
    long lastLocalRevision,
    String lastRemoteState,
    Instant syncedAt) {}
