package dev.loupe.core.workspace;

import java.time.Instant;

/**
 * A local dataset linked to a remote one (migration V6, {@code sync_link}).
 *
 * @param server the API base URL the remote dataset lives on
 * @param lastLocalRevision the local dataset's revision when the last sync ended
 * @param lastRemoteState the fingerprint of the remote dataset the last sync saw, or null
 */
public record SyncLink(
    String datasetId,
    String server,
    String remoteId,
    String remoteSlug,
    long lastLocalRevision,
    String lastRemoteState,
    Instant syncedAt) {}
