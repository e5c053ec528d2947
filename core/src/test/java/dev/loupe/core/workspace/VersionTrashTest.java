package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionTrashTest {
  @TempDir Path tmp;

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private Path source() throws Exception {
    return TestData.yolo(tmp.resolve("src"), List.of("a", "b"),
        new String[][] {{"0 0.5 0.5 0.2 0.2"}, {"1 0.3 0.3 0.1 0.1"}, {""}}, new String[] {"train", "val"});
  }

  @Test
  void aVersionIsImmutableAndExportsAsCapturedAfterTheDatasetChanged() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      String id = ws.importDataset(source(), ImportOptions.defaults().withName("v"), TaskMonitor.NONE).dataset().id();
      DatasetVersion v1 = ws.versions().create("v", "first", TaskMonitor.NONE);
      assertThat(v1.version()).isEqualTo(1);
      assertThat(v1.imageCount()).isEqualTo(3);
      assertThat(v1.labelCount()).isEqualTo(2);
      assertThat(v1.splits()).containsEntry("train", 2L).containsEntry("val", 1L);

      ImageRecord img0 = ws.images().list("v", ImageQuery.all().withSort(ImageSort.NAME_ASC)).images().get(0);
      ws.labels().put("v", img0.hash(), List.of(new BoxLabel(1, 0.1, 0.1, 0.1, 0.1)));
      ws.images().delete("v", List.of(img0.hash()));
      ws.classes().rename("v", 0, "renamed");
      assertThat(ws.versions().create("v", "second", TaskMonitor.NONE).imageCount()).isEqualTo(2);

      ws.versions().describe("v", 1, "first, described");
      assertThat(ws.versions().list("v")).extracting(DatasetVersion::description)
          .containsExactly("first, described", "second");

      Path out = tmp.resolve("v1");
      assertThat(ws.versions().export("v", 1, "yolo", out, TaskMonitor.NONE)).isEqualTo(3);
      assertThat(Files.readString(out.resolve("labels/train/img0.txt")).trim()).isEqualTo("0 0.5 0.5 0.2 0.2");
      assertThat(Files.readString(out.resolve("data.yaml"))).contains("a").doesNotContain("renamed");
      assertThat(Files.exists(out.resolve("images/train/img0.jpg"))).isTrue();
      // the deleted image's bytes are kept for the version
      assertThat(ws.trash().collectGarbage()).isZero();
      assertThat(Files.exists(ws.content().path(img0.hash()))).isTrue();
      assertThatThrownBy(() -> ws.versions().get(id, 9)).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void deletedDatasetsWaitThirtyDaysInTheTrashThenGoWithTheirFiles() throws Exception {
    MovableClock clock = new MovableClock();
    Path root = tmp.resolve("ws");
    String hash;
    try (Workspace ws = Workspace.open(root, clock)) {
      ws.importDataset(source(), ImportOptions.defaults().withName("t"), TaskMonitor.NONE);
      hash = ws.images().list("t", ImageQuery.all()).images().get(0).hash();
      ws.trash().moveToTrash("t");
      assertThat(ws.datasets().find("t")).isEmpty();
      List<TrashEntry> trash = ws.trash().list();
      assertThat(trash).hasSize(1);
      assertThat(trash.get(0).imageCount()).isEqualTo(3);
      assertThat(trash.get(0).expiresAt()).isEqualTo(clock.now.plus(Duration.ofDays(30)));
      ws.trash().restore(trash.get(0).id());
      assertThat(ws.datasets().require("t").name()).isEqualTo("t");
      assertThat(ws.images().list("t", ImageQuery.all()).total()).isEqualTo(3);
      ws.trash().moveToTrash("t");
    }
    clock.now = clock.now.plus(Duration.ofDays(31));
    try (Workspace ws = Workspace.open(root, clock)) {
      assertThat(ws.trash().list()).isEmpty();
      assertThat(Files.exists(ws.content().path(hash))).isFalse();
      assertThatThrownBy(() -> ws.trash().restore("ds_gone")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void purgeAndEmptyDeleteForGood() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      String a = ws.importDataset(source(), ImportOptions.defaults().withName("a"), TaskMonitor.NONE).dataset().id();
      String b = ws.importDataset(source(), ImportOptions.defaults().withName("b"), TaskMonitor.NONE).dataset().id();
      ws.trash().moveToTrash(a);
      ws.trash().purge(a);
      // b still holds the same bytes
      assertThat(ws.images().list("b", ImageQuery.all()).images())
          .allSatisfy(r -> assertThat(Files.exists(ws.content().path(r.hash()))).isTrue());
      ws.trash().moveToTrash(b);
      assertThat(ws.trash().empty()).isEqualTo(1);
      assertThat(WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM blob")).isZero();
      assertThat(WorkspaceImportTest.count(ws, "SELECT COUNT(*) FROM image")).isZero();
    }
  }
}
