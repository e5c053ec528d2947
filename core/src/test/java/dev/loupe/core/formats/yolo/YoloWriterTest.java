package dev.loupe.core.formats.yolo;

import static dev.loupe.core.formats.yolo.YoloTestData.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YoloWriterTest {
  @TempDir Path tmp;

  private final DatasetSpec spec =
      new DatasetSpec("pets", null, Task.DETECT, List.of("cat", "yes", "1st"), null, null,
          Map.of("channels", 3));

  @Test
  void withoutValImagesValPointsAtTrainWithAComment() throws Exception {
    Path img = image(tmp.resolve("in/a.jpg"));
    ImportItem a = ImportItem.of("a.jpg", Split.TRAIN, img, List.of(new BoxLabel(0, .5, .5, .1, .1)), List.of());
    Path out = tmp.resolve("out");
    new YoloWriter().write(YoloTestData.source(spec, List.of(a)), out, TaskMonitor.NONE);
    String yaml = Files.readString(out.resolve("data.yaml"));
    assertThat(yaml)
        .contains("train: images/train\n", "val: images/train # no val images",
            "names:\n  0: cat\n  1: 'yes'\n  2: '1st'\n", "channels: 3\n")
        .doesNotContain("path:", "test:");
    DatasetSpec back = new YoloReader(null).readSpec(out, new ImportReport());
    assertThat(back.classNames()).containsExactly("cat", "yes", "1st");
    assertThat(YoloTestData.read(new YoloReader(null), out).items()).hasSize(1);
  }

  @Test
  void sameFileNameTwiceInASplitGetsAHashSuffix() throws Exception {
    Path one = image(tmp.resolve("in1/frame.jpg"));
    Path two = image(tmp.resolve("in2/frame.png"));
    List<ImportItem> items = List.of(
        ImportItem.of("frame.jpg", Split.TRAIN, one, List.of(new BoxLabel(0, .5, .5, .1, .1)), List.of()),
        ImportItem.of("frame.png", Split.TRAIN, two, List.of(new BoxLabel(1, .5, .5, .1, .1)), List.of()));
    Path out = tmp.resolve("out");
    assertThat(new YoloWriter().write(YoloTestData.source(spec, items), out, TaskMonitor.NONE)).isEqualTo(2);
    try (var files = Files.list(out.resolve("labels/train"))) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .hasSize(2).contains("frame.txt").anyMatch(n -> n.matches("frame_[0-9a-f]{8}\\.txt"));
    }
    assertThat(YoloTestData.read(new YoloReader(null), out).items()).hasSize(2);
  }

  @Test
  void imageWithoutBytesGetsOnlyItsLabelAndIsCounted() throws Exception {
    ImportItem ghost = ImportItem.of("g.jpg", Split.VAL, null, List.of(new BoxLabel(0, .5, .5, .1, .1)), List.of());
    YoloWriter writer = new YoloWriter();
    Path out = tmp.resolve("out");
    assertThat(writer.write(YoloTestData.source(spec, List.of(ghost)), out, TaskMonitor.NONE)).isZero();
    assertThat(writer.labelsOnlyCount()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("labels/val/g.txt"))).isEqualTo("0 0.5 0.5 0.1 0.1\n");
    assertThat(out.resolve("images/val/g.jpg")).doesNotExist();
  }

  @Test
  void nonEmptyTargetFolderIsRefused() throws IOException {
    Path out = tmp.resolve("out");
    YoloTestData.text(out.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> new YoloWriter().write(YoloTestData.source(spec, List.of()), out, TaskMonitor.NONE))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not empty");
    assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("mine");
  }
}
