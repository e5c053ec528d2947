package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceImportTest {
  @TempDir Path tmp;

  private static final String[][] ROWS = {
    {"0 0.5 0.5 0.2 0.2", "1 0.25 0.25 0.1 0.1"},
    {"1 0.4 0.4 0.3 0.3"},
    {""},
    {"0 0.5 0.5 0.5 0.5", "0 0.5 0.5 0.5 0.5", "7 0.5 0.5 0.1 0.1", "0 0.5 nope 0.1 0.1", "1 1.2 0.5 0.1 0.1"},
  };

  @Test
  void importsYoloFolderWithLabelsSplitsAndProblemsRecordedOnImages() throws Exception {
    Path data = TestData.yolo(tmp.resolve("src"), List.of("cat", "dog"), ROWS, new String[] {"train", "val"});
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult result = ws.importDataset(data, ImportOptions.defaults().withName("pets"), TaskMonitor.NONE);

      assertThat(result.format()).isEqualTo("yolo");
      assertThat(result.report().importedImages()).isEqualTo(4);
      assertThat(result.report().count(ImportProblem.DUPLICATE_ROW)).isEqualTo(1);
      assertThat(result.report().count(ImportProblem.UNKNOWN_CLASS)).isEqualTo(1);
      assertThat(result.report().count(ImportProblem.BAD_ROW)).isEqualTo(1);
      assertThat(result.report().count(ImportProblem.OUT_OF_RANGE)).isEqualTo(1);
      Dataset ds = result.dataset();
      assertThat(ds.slug()).isEqualTo("pets");
      assertThat(ds.task()).isEqualTo(Task.DETECT);
      assertThat(ds.classNames()).containsExactly("cat", "dog");

      ImagePage page = ws.images().list("pets", ImageQuery.all().withSort(ImageSort.NAME_ASC));
      assertThat(page.total()).isEqualTo(4);
      assertThat(page.images()).extracting(ImageRecord::filename)
          .containsExactly("img0.jpg", "img1.jpg", "img2.jpg", "img3.jpg");
      ImageRecord first = page.images().get(0);
      assertThat(first.width()).isEqualTo(64);
      assertThat(first.height()).isEqualTo(48);
      assertThat(first.split()).isEqualTo(Split.TRAIN);
      assertThat(first.labelCount()).isEqualTo(2);
      assertThat(first.hasError()).isFalse();
      assertThat(ws.labels().get("pets", first.hash()))
          .containsExactly(new BoxLabel(0, 0.5, 0.5, 0.2, 0.2), new BoxLabel(1, 0.25, 0.25, 0.1, 0.1));

      ImageRecord bad = page.images().get(3);
      assertThat(bad.hasError()).isTrue();
      assertThat(bad.errorReason()).contains("class id 7").contains("nope");
      // kept: the first duplicate and the out-of-range row
      assertThat(bad.labelCount()).isEqualTo(2);
      assertThat(ws.images().list("pets", ImageQuery.all().withHasError(true)).total()).isEqualTo(1);
      assertThat(ws.images().list("pets", ImageQuery.all().withHasLabel(false)).total()).isEqualTo(1);
      assertThat(Files.exists(ws.content().path(first.hash()))).isTrue();
    }
  }

  @Test
  void sameBytesInTwoDatasetsAreStoredOnceAndTwiceInOneDatasetAreSkipped() throws Exception {
    Path data = TestData.yolo(tmp.resolve("src"), List.of("a", "b"), ROWS, new String[] {"train"});
    Files.copy(data.resolve("images/train/img0.jpg"), data.resolve("images/train/copy.jpg"));
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult one = ws.importDataset(data, ImportOptions.defaults().withName("one"), TaskMonitor.NONE);
      ImportResult two = ws.importDataset(data, ImportOptions.defaults().withName("two"), TaskMonitor.NONE);
      assertThat(one.report().count(ImportProblem.DUPLICATE_IMAGE)).isEqualTo(1);
      assertThat(one.report().importedImages()).isEqualTo(4);
      assertThat(two.report().importedImages()).isEqualTo(4);
      try (var blobs = Files.walk(ws.root().resolve("blobs"))) {
        assertThat(blobs.filter(Files::isRegularFile).count()).isEqualTo(4);
      }
    }
  }

  @Test
  void cancelledImportLeavesNoDatasetAndNoOrphanRows() throws Exception {
    String[][] many = new String[1200][];
    for (int i = 0; i < many.length; i++) {
      many[i] = new String[] {"0 0.5 0.5 0.1 0.1"};
    }
    Path data = TestData.yolo(tmp.resolve("src"), List.of("a"), many, new String[] {"train"});
    AtomicBoolean cancel = new AtomicBoolean();
    TaskMonitor monitor =
        new TaskMonitor() {
          @Override
          public void progress(long done, long total, String message) {
            if (done >= 500) {
              cancel.set(true);
            }
          }

          @Override
          public boolean isCancelled() {
            return cancel.get();
          }
        };
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertThatThrownBy(() -> ws.importDataset(data, ImportOptions.defaults(), monitor))
          .isInstanceOf(CancelledException.class);
      assertThat(ws.datasets().list()).isEmpty();
      assertThat(count(ws, "SELECT COUNT(*) FROM image")).isZero();
      assertThat(count(ws, "SELECT COUNT(*) FROM image_labels")).isZero();
      try (var blobs = Files.walk(ws.root().resolve("blobs"))) {
        assertThat(blobs.filter(Files::isRegularFile).toList()).isEmpty();
      }
    }
  }

  @Test
  void importIntoExistingDatasetMapsClassesByName() throws Exception {
    Path a = TestData.yolo(tmp.resolve("a"), List.of("cat", "dog"), new String[][] {{"1 0.5 0.5 0.2 0.2"}},
        new String[] {"train"});
    Path b = TestData.yolo(tmp.resolve("b"), List.of("dog", "bird"), new String[][] {{"0 0.5 0.5 0.2 0.2", "1 0.1 0.1 0.1 0.1"}},
        new String[] {"train"});
    Files.write(b.resolve("images/train/img0.jpg"), TestData.jpeg(80, 60, 99));
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ws.importDataset(a, ImportOptions.defaults().withName("animals"), TaskMonitor.NONE);
      ImportResult r = ws.importDataset(b, ImportOptions.defaults().into("animals"), TaskMonitor.NONE);
      assertThat(r.dataset().classNames()).containsExactly("cat", "dog", "bird");
      ImageRecord added = ws.images().list("animals", ImageQuery.all().withSort(ImageSort.NEWEST)).images().get(0);
      List<Label> labels = ws.labels().get("animals", added.hash());
      assertThat(labels).extracting(Label::classId).containsExactly(1, 2);
    }
  }

  @Test
  void importIntoADatasetOfAnotherTaskIsRefusedAndChangesNothing() throws Exception {
    Path a = TestData.yolo(tmp.resolve("a"), List.of("cat"), new String[][] {{"0 0.5 0.5 0.2 0.2"}},
        new String[] {"train"});
    Path pose = TestData.yolo(tmp.resolve("p"), List.of("person"),
        new String[][] {{"0 0.5 0.5 0.2 0.2 0.5 0.5 2"}}, new String[] {"train"});
    Files.writeString(pose.resolve("data.yaml"), Files.readString(pose.resolve("data.yaml")) + "kpt_shape: [1, 3]\n");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ws.importDataset(a, ImportOptions.defaults().withName("cats"), TaskMonitor.NONE);
      assertThatThrownBy(() -> ws.importDataset(pose, ImportOptions.defaults().into("cats"), TaskMonitor.NONE))
          .hasMessage("cannot import a pose dataset into the detect dataset 'cats'");
      assertThat(ws.images().list("cats", ImageQuery.all()).total()).isEqualTo(1);
      assertThat(ws.datasets().require("cats").classNames()).containsExactly("cat");
    }
  }

  @Test
  void secondOpenOfTheSameWorkspaceIsRefusedWithAClearMessage() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertThatThrownBy(() -> Workspace.open(tmp.resolve("ws")))
          .isInstanceOf(WorkspaceLockedException.class)
          .hasMessageContaining("in use by another Loupe process");
    }
    try (Workspace again = Workspace.open(tmp.resolve("ws"))) {
      assertThat(again.datasets().list()).isEmpty();
    }
  }

  @Test
  void corruptAndTruncatedImagesAreImportedFlaggedAndCounted() throws Exception {
    Path data = TestData.yolo(tmp.resolve("src"), List.of("a"), new String[][] {{"0 0.5 0.5 0.1 0.1"}, {""}},
        new String[] {"train"});
    byte[] good = Files.readAllBytes(data.resolve("images/train/img0.jpg"));
    Files.write(data.resolve("images/train/img1.jpg"), java.util.Arrays.copyOf(good, good.length / 2));
    Files.writeString(data.resolve("images/train/junk.jpg"), "not an image at all");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult r = ws.importDataset(data, ImportOptions.defaults(), TaskMonitor.NONE);
      assertThat(r.report().count(ImportProblem.CORRUPT_IMAGE)).isEqualTo(2);
      ImagePage errors = ws.images().list(r.dataset().id(), ImageQuery.all().withHasError(true).withSort(ImageSort.NAME_ASC));
      assertThat(errors.images()).extracting(ImageRecord::filename).containsExactly("img1.jpg", "junk.jpg");
      assertThat(errors.images().get(0).errorReason()).contains("truncated");
    }
  }

  @Test
  void aZipWithTheDatasetAtItsRootIsReadInPlaceAndNamedAfterTheArchive() throws Exception {
    Path data = TestData.yolo(tmp.resolve("src"), List.of("cat", "dog"), ROWS, new String[] {"train", "val"});
    Path zip = tmp.resolve("pets-2024.zip");
    try (var files = Files.walk(data);
        var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new java.util.zip.ZipEntry(data.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportResult fromFolder = ws.importDataset(data, ImportOptions.defaults().withName("folder"), TaskMonitor.NONE);
      AtomicBoolean unpacking = new AtomicBoolean();
      TaskMonitor watch =
          new TaskMonitor() {
            @Override
            public void progress(long done, long total, String message) {
              if (message != null && message.startsWith("unpacking")) {
                unpacking.set(true);
              }
            }

            @Override
            public boolean isCancelled() {
              return false;
            }
          };
      ImportResult fromZip = ws.importDataset(zip, ImportOptions.defaults(), watch);

      assertThat(unpacking).as("read in place, not unpacked").isFalse();
      assertThat(fromZip.dataset().name()).isEqualTo("pets-2024");
      assertThat(fromZip.report().importedImages()).isEqualTo(4);
      assertThat(fromZip.report().counts()).isEqualTo(fromFolder.report().counts());
      for (ImageRecord image : ws.images().list("folder", ImageQuery.all()).images()) {
        assertThat(ws.labels().get(fromZip.dataset().id(), image.hash()))
            .isEqualTo(ws.labels().get("folder", image.hash()));
      }
      try (var left = Files.list(ws.root().resolve("tmp"))) {
        assertThat(left.toList()).isEmpty();
      }
    }
  }

  static long count(Workspace ws, String sql) {
    return ws.db().read(
        c -> {
          try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
