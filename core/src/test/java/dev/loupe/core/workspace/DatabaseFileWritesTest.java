package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When H2 writes the workspace's database file. A file written while a transaction adds rows can hold
 * rows that a crash then leaves behind, half a transaction (H2 issue #2080, see {@link Database}), so
 * the file must change only as a write commits, never while one is in progress.
 */
class DatabaseFileWritesTest {
  @TempDir Path tmp;

  @Test
  void theFileDoesNotChangeWhileAWriteIsInProgressAndHoldsTheWriteOnceItReturns() throws Exception {
    try (Workspace ws = Workspace.open(tmp)) {
      String datasetId = ws.datasets().create(NewDataset.of("d", Task.DETECT, List.of("a"))).id();
      Path file = tmp.resolve("db").resolve("loupe.mv.db");
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread reader =
          new Thread(
              () -> {
                while (writing.get()) {
                  WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM image WHERE width > 0");
                }
              });
      String[] during = new String[2];
      ws.db().write(
          c -> {
            ws.images().insert(c, datasetId, images(100));
            during[0] = hash(file);
            reader.start();
            pause(1500); // three times H2's default write delay (500 ms)
            during[1] = hash(file);
            return null;
          });
      writing.set(false);
      reader.join();

      assertThat(during[1]).as("the file after 1.5 s of an uncommitted write").isEqualTo(during[0]);
      assertThat(hash(file)).as("the file once the write returned").isNotEqualTo(during[0]);
    }
  }

  private static List<NewImage> images(int count) {
    List<NewImage> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      images.add(
          new NewImage(String.format("%064x", i), "img" + i + ".jpg", 64, 48, 1000, Split.TRAIN,
              List.of(new BoxLabel(0, 0.5, 0.5, 0.1, 0.1)), null, null, null));
    }
    return images;
  }

  private static String hash(Path file) {
    try {
      return ContentStore.sha256(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
