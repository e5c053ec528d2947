package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.task.TaskMonitor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a real import process half-way (SIGKILL: no shutdown hook runs) and opens what it left. */
class CrashDuringImportTest {
  @TempDir Path tmp;

  /** The child process: imports {@code args[0]} into the workspace {@code args[1]}, printing progress. */
  public static void main(String[] args) throws Exception {
    try (Workspace ws = Workspace.open(Path.of(args[1]))) {
      ws.importDataset(Path.of(args[0]), ImportOptions.defaults().withName("crash"),
          new TaskMonitor() {
            @Override
            public void progress(long done, long total, String message) {
              if (message.startsWith("imported")) { // committed batches, not the reader's progress
                System.out.println("done " + done);
                System.out.flush();
              }
            }

            @Override
            public boolean isCancelled() {
              return false;
            }
          });
    }
  }

  @Test
  void aKilledImportLeavesWholeImagesWithTheirLabelsAndAnUnlockedWorkspace() throws Exception {
    Path source = source(tmp.resolve("src"));
    Path root = tmp.resolve("ws");
    long committed = killImport(source, root, 1000, 0);
    assertThat(checkWhatTheKilledImportLeft(root, committed)).isLessThan(4000L);
  }

  /** The dataset the child imports: 4,000 YOLO images with two boxes each. */
  static Path source(Path dir) throws java.io.IOException {
    String[][] rows = new String[4000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new String[] {"0 0.5 0.5 0.1 0.1", "1 0.2 0.2 0.1 0.1"};
    }
    return TestData.yolo(dir, List.of("a", "b"), rows, new String[] {"train"});
  }

  /**
   * Imports {@code source} into {@code root} in a child process and kills it (SIGKILL) {@code
   * delayMillis} after it committed {@code images} images or more.
   *
   * @return how many images the child had committed when it was killed, as far as it told
   */
  static long killImport(Path source, Path root, long images, long delayMillis) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashDuringImportTest.class.getName(),
                source.toString(), root.toString())
            .redirectErrorStream(true)
            .start();
    long committed = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("done ")) {
          committed = Long.parseLong(line.substring(5));
          if (committed >= images) {
            break;
          }
        }
      }
      Thread.sleep(delayMillis);
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    return committed;
  }

  /**
   * Opens the workspace a killed import left, knowing it had committed {@code committed} images.
   *
   * @return how many images it holds
   */
  static long checkWhatTheKilledImportLeft(Path root, long committed) throws Exception {
    try (Workspace ws = Workspace.open(root)) {
      // each batch is in the file when it commits: the killed import left whole batches, at least
      // those it had reported. COUNT(*) is H2's count of stored rows; the filtered count reads them.
      long images = WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM image");
      assertThat(images).isBetween(committed, 4000L);
      assertThat(images % DatasetImporter.BATCH).isZero();
      assertThat(WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM image WHERE width > 0")).isEqualTo(images);
      assertThat(WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM image_labels")).isEqualTo(images);
      assertThat(WorkspaceImportTest.count(ws,
              "SELECT COUNT(*) FROM image i WHERE NOT EXISTS (SELECT 1 FROM blob b WHERE b.hash = i.hash)"))
          .isZero();
      // files the killed workers wrote ahead of their batch were swept when the workspace opened
      long files;
      try (var walk = Files.walk(root.resolve("blobs"))) {
        files = walk.filter(Files::isRegularFile).count();
      }
      assertThat(files).isEqualTo(WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM blob"));
      if (images == 0) {
        return images;
      }
      ImagePage page = ws.images().list("crash", ImageQuery.all().withPage(0, 5000));
      assertThat(page.total()).isEqualTo(images);
      for (ImageRecord r : page.images()) {
        assertThat(r.labelCount()).isEqualTo(2);
        assertThat(Files.exists(ws.content().path(r.hash()))).isTrue();
      }
      assertThat(ws.classStats().get("crash").classes().get(0).count()).isEqualTo(images);
      return images;
    }
  }
}
