package dev.loupe.core.workspace;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashDuringImportTest} at many moments: kills an import after 500 to 2,500 committed images
 * and 0 to 1,000 ms more, {@code loupe.crashStress} times (about 4 s each), and checks each workspace
 * it left. Before H2's background writer was turned off (ADR 0010), about 1 kill in 50 left part of a
 * batch behind, and a kill soon after a commit lost the last batches. Slow, so not part of the build:
 * {@code mvn -B -ntp -q test -pl core -Dtest=CrashDuringImportStressTest -Dloupe.crashStress=100}.
 */
@EnabledIfSystemProperty(named = "loupe.crashStress", matches = "[0-9]+")
class CrashDuringImportStressTest {
  @TempDir Path tmp;

  @Test
  void importsKilledAtManyMomentsLeaveWholeBatches() throws Exception {
    int kills = Integer.getInteger("loupe.crashStress");
    long seed = Long.getLong("loupe.crashSeed", System.nanoTime());
    Random random = new Random(seed);
    Path source = CrashDuringImportTest.source(tmp.resolve("src"));
    for (int kill = 0; kill < kills; kill++) {
      long images = DatasetImporter.BATCH * (1L + random.nextInt(5));
      long delayMillis = random.nextInt(1000);
      Path root = tmp.resolve("ws" + kill);
      long committed = CrashDuringImportTest.killImport(source, root, images, delayMillis);
      try {
        CrashDuringImportTest.checkWhatTheKilledImportLeft(root, committed);
      } catch (AssertionError e) {
        throw new AssertionError(
            "kill " + kill + " (seed " + seed + ", after " + committed + " images and " + delayMillis
                + " ms): " + e.getMessage(), e);
      }
      TrashStore.deleteTree(root);
    }
  }
}
