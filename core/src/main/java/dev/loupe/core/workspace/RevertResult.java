package dev.loupe.core.workspace;

import java.util.List;

/**
 * What a revert did.
 *
 * @param restored images whose labels are back as they were before the run
 * @param editedSince images changed after the run wrote them (restored only with force; without
 *     force the revert changes nothing while this list is not empty)
 * @param gone images deleted from the dataset since the run (nothing to restore)
 */
public record RevertResult(AnnotationRun run, int restored, List<String> editedSince, List<String> gone) {
  public RevertResult {
    editedSince = List.copyOf(editedSince);
    gone = List.copyOf(gone);
  }

  public boolean refused() {
    return !AnnotationRun.REVERTED.equals(run.state());
  }
}
