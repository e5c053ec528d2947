package dev.loupe.core.workspace;

import java.time.Instant;

/**
 * An API key of the hub as the workspace keeps it: never the key itself, only its first characters.
 *
 * @param prefix {@code ul_} and the key's first hex digits, to tell keys apart
 * @param lastUsedAt when a request last used it (to the minute), or null
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiKeyRecord(
    String id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
  public boolean revoked() {
    return revokedAt != null;
  }
}
