package dev.loupe.core.sync;

import dev.loupe.core.workspace.SyncLink;
import java.util.Optional;

/**
 * Where a dataset stands, from local facts only (nothing is asked of the server).
 *
 * @param images local images
 * @param synced images both sides agreed on at the last sync and unchanged here since
 * @param changed images new or changed here since the last sync (to push)
 * @param conflicts open conflicts
 */
public record SyncStatus(Optional<SyncLink> link, long images, long synced, long changed, int conflicts) {}
