package dev.loupe.core.sync;

import java.util.List;

/**
 * What a push (or the outgoing half of a sync) did.
 *
 * @param uploaded images sent in archives this run
 * @param skipped images the remote side had already (by the stored names or by its image list)
 * @param labels images whose labels were sent ({@code PUT /labels})
 * @param moved images moved to another split remotely
 * @param deleted images deleted remotely (deleted here since the last sync)
 * @param problems what could not be sent, one line each
 */
public record PushResult(
    String remoteId, String remoteSlug, int uploaded, int skipped, int labels, int moved, int deleted,
    List<String> problems) {
  public PushResult {
    problems = List.copyOf(problems);
  }
}
