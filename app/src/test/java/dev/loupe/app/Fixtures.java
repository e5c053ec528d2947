package dev.loupe.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared, read-only fixtures at {@code ../shared/fixtures} beside the repository root.
 * Tests that need them call {@link #require(String)}, which skips the test where they are absent.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The fixtures folder, or null when this checkout has none beside it. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("fixtures");
      if (Files.isDirectory(candidate) && Files.exists(dir.resolve("pom.xml"))) {
        return candidate;
      }
    }
    return null;
  }

  /** The fixture at {@code relative} under the fixtures folder; skips the test if it is absent. */
  public static Path require(String relative) {
    Path root = root();
    assumeTrue(root != null, "../shared/fixtures is absent: skipped");
    Path path = root.resolve(relative);
    assumeTrue(Files.exists(path), "fixture " + relative + " is absent: skipped");
    return path;
  }
}
