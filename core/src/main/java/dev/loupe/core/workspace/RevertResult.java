package dev.loupe.core.workspace;

import java.util.List;

/**
 * What a revert did.
 *
 * @param restored images whose labels are back as they were before the run
 * @param editedSince images changed after the run wrote them (restored only with force; without
 *     force the revert changes nothing while this list is not empty)
 * @param laterRuns runs not reverted whose writes are among those changes (revert them first)
 * @param gone images deleted from the dataset since the run (nothing to restore)
 * @param classesRemoved classes the run had added ({@code --add-classes}) that are removed again
 * @param classesKept classes the run had added that stay: labels use them, or classes were added
 *     after them (removing them would renumber those)
 */
public record RevertResult(
    AnnotationRun run, int restored, List<String> editedSince, List<String> laterRuns, List<String> gone,
    List<String> classesRemoved, List<String> classesKept) {
  public RevertResult {
    editedSince = List.copyOf(editedSince);
    laterRuns = List.copyOf(laterRuns);
    gone = List.copyOf(gone);
    classesRemoved = List.copyOf(classesRemoved);
    classesKept = List.copyOf(classesKept);
  }

  public boolean refused() {
    return !AnnotationRun.REVERTED.equals(run.state());
  }
}
