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
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // what is left goes when the workspace next opens
    }
  }
}
