package dev.loupe.core.workspace;

import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Images put straight into a workspace's dataset for the insight tests. */
final class InsightTestData {
  private InsightTestData() {}

  static void dataset(Workspace ws, String slug) {
    ws.datasets().create(NewDataset.of(slug, Task.DETECT, List.of("a")));
  }

  /** Stores {@code bytes} and adds them to the dataset as {@code filename}; returns the hash. */
  static String add(Workspace ws, String dataset, String filename, byte[] bytes, Split split) {
    try {
      String hash = ws.content().put(bytes);
      ws.images().add(dataset, List.of(new NewImage(hash, filename, 64, 48, bytes.length, split, List.of(), null, null, null)));
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A count of rows of a workspace table. */
  static long rows(Workspace ws, String table) {
    return ws.db().read(c -> {
      try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
