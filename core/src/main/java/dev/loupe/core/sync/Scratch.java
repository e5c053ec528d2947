package dev.loupe.core.sync;

import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder under the workspace's tmp/ for one step's files, deleted when closed (tmp/ is emptied on open anyway). */
final class Scratch implements AutoCloseable {
  private final Path dir;

  Scratch(Workspace workspace, String prefix) {
    try {
      this.dir = Files.createTempDirectory(Files.createDirectories(workspace.root().resolve("tmp")), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a folder in the workspace's tmp/: " + e.getMessage(), e);
    }
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() {
    delete(dir);
  }

  /**
   * Deletes the folder on a background thread (many large files take seconds to unlink); what a
   * process ending first leaves is emptied with tmp/ when the workspace next opens.
   */
  void closeLater() {
    Thread t = new Thread(() -> delete(dir), "loupe-sync-cleanup");
    t.setDaemon(true);
    t.start();
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // what is left goes when the workspace next opens
    }
  }
}
