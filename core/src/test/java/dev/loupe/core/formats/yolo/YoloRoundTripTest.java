package dev.loupe.core.formats.yolo;

import static dev.loupe.core.formats.yolo.YoloTestData.image;
import static dev.loupe.core.formats.yolo.YoloTestData.read;
import static dev.loupe.core.formats.yolo.YoloTestData.source;
import static dev.loupe.core.formats.yolo.YoloTestData.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class YoloRoundTripTest {
  @TempDir Path tmp;

  static Stream<Arguments> tasks() {
    return Stream.of(
        Arguments.of("detect", Task.DETECT, null,
            List.of("0 0.5 0.5 0.25 0.125", "1 0.1234567 0.2 0.3 0.4")),
        Arguments.of("segment", Task.SEGMENT, null,
            List.of("0 0.1 0.1 0.5 0.1 0.3 0.4", "1 0.2 0.2 0.6 0.2 0.6 0.6 0.2 0.6")),
        Arguments.of("pose-3d", Task.POSE, new KptShape(2, 3),
            List.of("0 0.5 0.5 0.2 0.2 0.4 0.4 2.000000 0.6 0.6 1", "1 0.3 0.3 0.1 0.1 0 0 0 0.25 0.3 2")),
        Arguments.of("pose-2d", Task.POSE, new KptShape(3, 2),
            List.of("0 0.5 0.5 0.2 0.2 0.4 0.4 0.6 0.6 0.5 0.5")),
        Arguments.of("obb", Task.OBB, null,
            List.of("0 0.1 0.1 0.4 0.1 0.4 0.3 0.1 0.3", "1 0.5 0.5 0.1 0.1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tasks")
  void readWriteReadKeepsRowsNamesSplitsAndExtraKeys(
      String name, Task task, KptShape kpt, List<String> rows) throws Exception {
    Path src = tmp.resolve("src");
    String kptYaml = kpt == null ? "" : "kpt_shape: [" + kpt.keypoints() + ", " + kpt.dims() + "]\n"
        + "flip_idx: [" + (kpt.keypoints() == 2 ? "1, 0" : "0, 2, 1") + "]\n";
    text(src.resolve("data.yaml"),
        "path: /nowhere/on/this/machine\ntrain: images/train\nval: images/val\ntest: images/test\n"
            + kptYaml
            + "names:\n  0: cat\n  1: 'dog: big'\n"
            + "download: https://example.com/x.zip\nchannels: 3\n"
            + "roboflow:\n  workspace: w\n  version: 2\n");
    image(src.resolve("images/train/a.jpg"));
    text(src.resolve("labels/train/a.txt"), String.join("\n", rows) + "\n");
    image(src.resolve("images/train/background.png"));
    image(src.resolve("images/val/b.jpg"));
    text(src.resolve("labels/val/b.txt"), rows.get(0));
    image(src.resolve("images/test/c.jpg"));
    text(src.resolve("labels/test/c.txt"), rows.get(rows.size() - 1) + "\r\n");

    YoloTestData.Read first = read(new YoloReader(null), src);
    assertThat(first.spec().task()).isEqualTo(task);
    assertThat(first.report().problemCount()).isZero();
    assertThat(first.items()).hasSize(4);

    Path out = tmp.resolve("out");
    long written = new YoloWriter().write(source(first.spec(), first.items()), out, TaskMonitor.NONE);
    assertThat(written).isEqualTo(4);
    assertThat(Files.readString(out.resolve("data.yaml"))).doesNotContain("path:");
    YoloTestData.Read second = read(new YoloReader(null), out);

    assertThat(second.report().problemCount()).isZero();
    assertThat(second.spec().task()).isEqualTo(task);
    assertThat(second.spec().classNames()).containsExactly("cat", "dog: big");
    assertThat(second.spec().kptShape()).isEqualTo(kpt);
    assertThat(second.spec().flipIdx()).isEqualTo(first.spec().flipIdx());
    assertThat(second.spec().extra()).isEqualTo(first.spec().extra());
    assertThat(second.spec().extra().keySet()).containsExactly("download", "channels", "roboflow");
    assertThat(second.spec().extra().get("roboflow")).isEqualTo(Map.of("workspace", "w", "version", 2));
    assertThat(summary(second.items())).isEqualTo(summary(first.items()));
    assertThat(second.item("a.jpg").labels().stream().map(YoloRows::format).toList())
        .containsExactlyElementsOf(rows.stream().map(r -> YoloRows.format(
            YoloRows.parse(task, kpt, Integer.parseInt(r.substring(0, 1)), values(r)))).toList());
    assertThat(Files.readString(out.resolve("labels/train/background.txt"))).isEmpty();
  }

  @ParameterizedTest(name = "{0} as zip")
  @MethodSource("tasks")
  void zipExportReadsBackTheSame(String name, Task task, KptShape kpt, List<String> rows)
      throws Exception {
    Path src = tmp.resolve("src");
    String kptYaml = kpt == null ? "" : "kpt_shape: [" + kpt.keypoints() + ", " + kpt.dims() + "]\n";
    text(src.resolve("data.yaml"), "train: images/train\nval: images/train\n" + kptYaml
        + "names: [a, b]\n");
    image(src.resolve("images/train/a.jpg"));
    text(src.resolve("labels/train/a.txt"), String.join("\n", rows));
    YoloTestData.Read first = read(new YoloReader(null), src);

    Path zip = tmp.resolve("export.zip");
    new YoloWriter().write(source(first.spec(), first.items()), zip, TaskMonitor.NONE);
    Path unpacked = tmp.resolve("unpacked");
    ZipContents.unzip(zip, unpacked);
    YoloTestData.Read second = read(new YoloReader(null), unpacked);

    assertThat(second.spec().task()).isEqualTo(task);
    assertThat(summary(second.items())).isEqualTo(summary(first.items()));
    assertThat(ZipContents.methods(zip))
        .containsEntry("images/train/a.jpg", java.util.zip.ZipEntry.STORED)
        .containsEntry("labels/train/a.txt", java.util.zip.ZipEntry.DEFLATED)
        .containsEntry("data.yaml", java.util.zip.ZipEntry.DEFLATED);
  }

  private static double[] values(String row) {
    String[] t = row.trim().split("\\s+");
    double[] v = new double[t.length - 1];
    for (int i = 1; i < t.length; i++) {
      v[i - 1] = Double.parseDouble(t[i]);
    }
    return v;
  }

  /** split/filename -> rows at 6 decimals, the comparison a round trip must keep. */
  static Map<String, List<String>> summary(List<ImportItem> items) {
    return items.stream().collect(Collectors.toMap(
        i -> i.split().apiName() + "/" + i.filename(),
        i -> i.labels().stream().map(YoloRows::format).toList()));
  }
}
