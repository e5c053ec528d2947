package dev.loupe.core.sync;

import dev.loupe.core.workspace.SyncConflict;
import java.util.List;

/**
 * What a two-way sync did: both halves and the conflicts still open (the new ones among them).
 */
public record SyncResult(PushResult pushed, PullResult pulled, List<SyncConflict> conflicts) {
  public SyncResult {
    conflicts = List.copyOf(conflicts);
  }
}
