package dev.loupe.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a local run's files go inside the workspace: {@code training/<run id>/} holds the exported
 * dataset ({@code data/}), yolo's run folder ({@code <run name>/}: args.yaml, results.csv, weights/)
 * and, while it runs, the cancel request another Loupe process may leave ({@code cancel.request}).
 */
public record TrainingFolders(Path root) {
  /** The folders of run {@code runId} in the workspace at {@code workspaceRoot}. */
  public static TrainingFolders of(Path workspaceRoot, String runId) {
    if (!runId.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("not a training run id: " + runId);
    }
    return new TrainingFolders(workspaceRoot.resolve("training").resolve(runId));
  }

  public Path data() {
    return root.resolve("data");
  }

  /** The folder {@code yolo train project=ROOT name=NAME} writes. */
  public Path runDir(String runName) {
    return root.resolve(runName);
  }

  public Path cancelRequest() {
    return root.resolve("cancel.request");
  }

  /**
   * Asks the process running this run to stop it (for a process that cannot open the workspace,
   * which the running one holds).
   *
   * @return false when the run has no folder (it never started here)
   */
  public boolean requestCancel() throws IOException {
    if (!Files.isDirectory(root)) {
      return false;
    }
    Files.writeString(cancelRequest(), "cancel\n");
    return true;
  }

  public boolean cancelRequested() {
    return Files.exists(cancelRequest());
  }

  public void clearCancelRequest() throws IOException {
    Files.deleteIfExists(cancelRequest());
  }

  /** Deletes a folder and all it holds; nothing when it is not there. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
