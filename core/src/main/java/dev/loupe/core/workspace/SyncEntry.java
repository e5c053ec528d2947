package dev.loupe.core.workspace;

/**
 * What a sync knows of one local image of a linked dataset: its remote name and the state both sides
 * last agreed on (tables {@code sync_image} and {@code sync_base}).
 *
 * @param remoteName the name the remote routes take (the platform's 32-hex name, a hub's sha-256);
 *     null while the image was sent in an archive whose ingest was not seen yet
 * @param remoteFilename the file name the image was sent or found under
 * @param uploadSession the upload session of the archive that carried it, while its name is unknown
 * @param baseRevision the local image revision at the last agreement, -1 when there is none
 * @param baseFingerprint the remote labels' fingerprint at the last agreement, null when none
 */
public record SyncEntry(
    String localHash,
    String remoteName,
    String remoteFilename,
    String uploadSession,
    long baseRevision,
    String baseFingerprint) {
  /** Whether the remote name is known (the image was seen on the remote side). */
  public boolean known() {
    return remoteName != null;
  }

  /** Whether both sides agreed on this image at some sync. */
  public boolean hasBase() {
    return baseFingerprint != null;
  }

  public SyncEntry withRemoteName(String name) {
    return new SyncEntry(localHash, name, remoteFilename, name == null ? uploadSession : null, baseRevision, baseFingerprint);
  }

  public SyncEntry withBase(long revision, String fingerprint) {
    return new SyncEntry(localHash, remoteName, remoteFilename, uploadSession, revision, fingerprint);
  }
}
