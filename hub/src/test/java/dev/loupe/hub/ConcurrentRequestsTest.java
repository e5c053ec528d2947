package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.platform.remote.ImageQuery;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.platform.remote.RemoteImage;
import dev.loupe.core.platform.remote.RemoteLabel;
import dev.loupe.core.platform.remote.UploadResult;
import dev.loupe.core.stats.ClassStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many clients changing one dataset at once: every change lands once and the sums agree. */
class ConcurrentRequestsTest {
  private static final int THREADS = 8;
  private static final int IMAGES_PER_THREAD = 6;

  @TempDir Path dir;
  HubFixture hub;

  @BeforeEach
  void start() {
    hub = new HubFixture(dir);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void parallelUploadsLabelWritesMovesAndListsLoseNothing() throws Exception {
    RemoteDataset d = hub.client.datasets().create(new NewDataset(null, "Busy", "detect", null, null, List.of("a", "b")));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<String>>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        work.add(pool.submit(() -> {
          List<String> mine = new ArrayList<>();
          for (int i = 0; i < IMAGES_PER_THREAD; i++) {
            Path file = Files.write(dir.resolve("t" + thread + "-" + i + ".png"), HubFixture.png(50 + i, 40, thread * 100L + i));
            UploadResult up = hub.client.uploads().upload("images", d.id(), file, "image/png");
            hub.client.images().putLabels(d.id(), up.sha256(),
                List.of(RemoteLabel.box(thread % 2, 0.5, 0.5, 0.1, 0.1), RemoteLabel.box(1, 0.2, 0.2, 0.1, 0.1)));
            if (i % 2 == 0) {
              hub.client.images().move(d.id(), List.of(up.sha256()), "val");
            }
            hub.client.images().list(d.id(), ImageQuery.page(0, 20));
            mine.add(up.sha256());
          }
          return mine;
        }));
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : work) {
        all.addAll(f.get());
      }
      int total = THREADS * IMAGES_PER_THREAD;
      assertThat(all).hasSize(total).doesNotHaveDuplicates();
      List<RemoteImage> listed = hub.client.images().list(d.id(), ImageQuery.page(0, 1000)).images();
      assertThat(listed).extracting(RemoteImage::hash).containsExactlyInAnyOrderElementsOf(all);
      assertThat(listed).allSatisfy(i -> assertThat(i.labelCount()).isEqualTo(2));
      RemoteDataset after = hub.client.datasets().get(d.id());
      assertThat(after.labelCount()).isEqualTo(2L * total);
      assertThat(after.splits()).containsEntry("val", (long) THREADS * (IMAGES_PER_THREAD / 2));
      ClassStats stats = hub.client.datasets().classStats(d.id());
      long boxes = stats.classes().stream().mapToLong(ClassStats.ClassCount::count).sum();
      assertThat(boxes).isEqualTo(2L * total);
    } finally {
      pool.shutdownNow();
    }
  }
}
