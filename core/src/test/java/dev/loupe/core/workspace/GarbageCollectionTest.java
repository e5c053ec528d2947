package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectionTest {
  @TempDir Path tmp;

  @Test
  void a_file_an_import_in_progress_relies_on_survives_collection_until_released() throws Exception {
    Path data = TestData.yolo(tmp.resolve("src"), List.of("a"), new String[][] {{"0 0.5 0.5 0.1 0.1"}}, new String[] {"train"});
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult first = ws.importDataset(data, ImportOptions.defaults().withName("first"), TaskMonitor.NONE);
      ImageRecord image = ws.images().list("first", ImageQuery.all()).images().get(0);
      Path file = ws.content().path(image.hash());

      // a second import found the file stored and relies on it; the only dataset using it is purged
      ws.content().pin(image.hash());
      ws.trash().moveToTrash(first.dataset().id());
      ws.trash().purge(first.dataset().id());
      assertThat(file).exists();
      assertThat(WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM blob")).isEqualTo(1);

      ws.content().unpin(image.hash());
      assertThat(ws.trash().collectGarbage()).isEqualTo(1);
      assertThat(file).doesNotExist();
      assertThat(WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM blob")).isZero();
    }
  }

  @Test
  void files_no_row_refers_to_are_swept_when_a_workspace_reopens_after_a_crash() throws Exception {
    Path root = tmp.resolve("ws");
    Path stray;
    try (Workspace ws = Workspace.open(root)) {
      stray = ws.content().path("ab" + "0".repeat(62));
      Files.createDirectories(stray.getParent());
      Files.write(stray, new byte[] {1});
    }
    try (Workspace ws = Workspace.open(root)) {
      assertThat(stray).as("a clean close: no sweep").exists();
    }
    // a crash: the session marker stays behind
    Files.createFile(root.resolve("session.open"));
    try (Workspace ws = Workspace.open(root)) {
      assertThat(stray).doesNotExist();
    }
    assertThat(root.resolve("session.open")).doesNotExist();
  }
}
