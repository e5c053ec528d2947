package dev.loupe.core.formats.yolo;

import static dev.loupe.core.formats.yolo.YoloTestData.image;
import static dev.loupe.core.formats.yolo.YoloTestData.read;
import static dev.loupe.core.formats.yolo.YoloTestData.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.Fixtures;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real exports of Ultralytics, Roboflow, CVAT, Datumaro, LabelImg and LabelMe converters. */
class YoloRealWorldTest {
  @TempDir Path tmp;

  private static Path fixture(String name) {
    return Fixtures.require(name.equals("coco8") ? "coco8" : "real-world/" + name);
  }

  @Test
  void coco8ExportsLabelFilesEqualToTheOriginals() throws Exception {
    Path src = fixture("coco8");
    YoloTestData.Read read = read(new YoloReader(null), src);
    assertThat(read.spec().task()).isEqualTo(Task.DETECT);
    assertThat(read.spec().classNames()).hasSize(80).startsWith("person", "bicycle");
    assertThat(read.items()).hasSize(8);
    assertThat(read.items().stream().filter(i -> i.split() == Split.VAL)).hasSize(4);
    assertThat(read.report().problemCount()).isZero();

    Path out = tmp.resolve("out");
    assertThat(new YoloWriter().write(source(read.spec(), read.items()), out, TaskMonitor.NONE))
        .isEqualTo(8);
    assertSameLabelFiles(src, out, 8);
    assertThat(Files.readString(out.resolve("data.yaml")))
        .contains("train: images/train\nval: images/val\n", "  79: toothbrush\n")
        .doesNotContain("path:", "test:");
  }

  @Test
  void coco8SegReadsPolygonsAndExportsThemUnchanged() throws Exception {
    Path src = fixture("ultralytics-coco8-seg");
    YoloTestData.Read read = read(new YoloReader(null), src);
    assertThat(read.spec().task()).isEqualTo(Task.SEGMENT);
    assertThat(read.spec().extra()).containsOnlyKeys("download");
    assertThat(read.items()).hasSize(8);
    assertThat(read.report().problemCount()).isZero();
    assertThat(read.item("000000000049.jpg").labels()).hasSize(9).allMatch(l -> l instanceof PolygonLabel);
    Path out = tmp.resolve("out");
    new YoloWriter().write(source(read.spec(), read.items()), out, TaskMonitor.NONE);
    assertSameLabelFiles(src, out, 8);
  }

  @Test
  void coco8PoseReadsFloatVisibilityAndFlipIdx() throws Exception {
    Path src = fixture("ultralytics-coco8-pose");
    YoloTestData.Read read = read(new YoloReader(null), src);
    assertThat(read.spec().task()).isEqualTo(Task.POSE);
    assertThat(read.spec().kptShape()).isEqualTo(new KptShape(17, 3));
    assertThat(read.spec().flipIdx()).hasSize(17).startsWith(0, 2, 1, 4, 3);
    assertThat(read.spec().classNames()).containsExactly("person");
    assertThat(read.report().problemCount()).isZero();
    assertThat(read.items()).hasSize(8);
    assertThat(read.items().stream().mapToInt(i -> i.labels().size()).sum()).isEqualTo(21);
    PoseLabel first = (PoseLabel) read.item("000000000036.jpg").labels().get(0);
    assertThat(first.keypointCount()).isEqualTo(17);
    assertThat(first.keypoints().get(2)).isIn(0.0, 1.0, 2.0);

    Path out = tmp.resolve("out");
    new YoloWriter().write(source(read.spec(), read.items()), out, TaskMonitor.NONE);
    assertSameLabelFiles(src, out, 8);
    assertThat(Files.readString(out.resolve("data.yaml")))
        .contains("kpt_shape: [17, 3]\n", "flip_idx: [0, 2, 1, 4, 3, 6, 5,", "download: ");
  }

  @Test
  void dota8KeepsAndFlagsOutOfRangeCornersAndCountsLabelsWithoutImages() throws Exception {
    YoloTestData.Read read = read(new YoloReader(null), fixture("ultralytics-dota8/dota8.yaml"));
    assertThat(read.spec().task()).isEqualTo(Task.OBB);
    assertThat(read.spec().classNames()).hasSize(15).contains("storage tank");
    assertThat(read.items()).extracting(ImportItem::filename)
        .containsExactly("P1142__1024__0___824.jpg", "P1580__1024__824___824.jpg");
    ImportItem flagged = read.item("P1142__1024__0___824.jpg");
    assertThat(flagged.labels()).hasSize(1);
    assertThat(flagged.problems()).singleElement().asString()
        .contains("P1142__1024__0___824.txt:1", "1.04199", "kept");
    assertThat(read.report().count(ImportProblem.OUT_OF_RANGE)).isEqualTo(1);
    assertThat(read.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isEqualTo(6);
  }

  @Test
  void handKeypointsLabelsOnlyAreCountedAsLabelsWithoutImages() throws Exception {
    YoloTestData.Read read = read(new YoloReader(null), fixture("ultralytics-hand-keypoints-excerpt"));
    assertThat(read.spec().task()).isEqualTo(Task.POSE);
    assertThat(read.spec().kptShape()).isEqualTo(new KptShape(21, 3));
    assertThat(read.spec().flipIdx()).hasSize(21).startsWith(0, 1, 2, 4, 3, 10);
    assertThat(read.spec().classNames()).containsExactly("hand");
    assertThat(read.spec().extra()).containsOnlyKeys("download");
    assertThat(read.items()).isEmpty();
    assertThat(read.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isEqualTo(3);
    assertThat(read.report().examples(ImportProblem.LABEL_WITHOUT_IMAGE))
        .contains("labels/val/IMG_00001997.txt");
  }

  @Test
  void handKeypointsScientificNotationParsesOnceImagesArePresent() throws Exception {
    Path copy = copyOf(fixture("ultralytics-hand-keypoints-excerpt"));
    for (String img : List.of("train/IMG_00002844", "train/IMG_00034885", "val/IMG_00001997")) {
      image(copy.resolve("images/" + img + ".jpg"));
    }
    YoloTestData.Read read = read(new YoloReader(null), copy);
    assertThat(read.items()).hasSize(3);
    assertThat(read.report().problemCount()).isZero();
    double[] all = read.items().stream().flatMap(i -> i.labels().stream())
        .flatMapToDouble(l -> java.util.Arrays.stream(YoloRows.values(l))).toArray();
    assertThat(all).contains(5.930662155151367e-06);
  }

  @Test
  void roboflowExportReadsValidFoldersAndDotDotPaths() throws Exception {
    YoloTestData.Read read = read(new YoloReader(null), fixture("roboflow-yolov8-conesandcubes"));
    assertThat(read.spec().task()).isEqualTo(Task.DETECT);
    assertThat(read.spec().classNames()).containsExactly("cone", "cube");
    assertThat(read.spec().extra()).containsOnlyKeys("roboflow");
    assertThat(((Map<?, ?>) read.spec().extra().get("roboflow")).get("workspace")).isEqualTo("trigon5990");
    assertThat(read.report().problemCount()).isZero();
    assertThat(read.items()).extracting(ImportItem::split)
        .containsExactly(Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.VAL, Split.VAL, Split.TEST, Split.TEST);
    assertThat(read.items().stream().mapToInt(i -> i.labels().size()).sum()).isEqualTo(18);
  }

  @Test
  void roboflowLabelsOnlyCountsItsLabelFilesIncludingTheEmptyOne() throws Exception {
    YoloTestData.Read read = read(new YoloReader(null), fixture("roboflow-yolov8-aquarium-labels-only"));
    assertThat(read.spec().classNames()).hasSize(7).startsWith("fish", "jellyfish");
    assertThat(read.items()).isEmpty();
    assertThat(read.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isEqualTo(2);
  }

  @Test
  void cvatPoseStripsTheDataPrefixAndReportsListedButMissingImages() throws Exception {
    YoloTestData.Read read = read(new YoloReader(null), fixture("cvat-ultralytics-pose"));
    assertThat(read.spec().task()).isEqualTo(Task.POSE);
    assertThat(read.spec().kptShape()).isEqualTo(new KptShape(15, 3));
    assertThat(read.spec().flipIdx()).isNull();
    assertThat(read.spec().classNames()).containsExactly("Human", "Human1");
    assertThat(read.items()).singleElement().satisfies(i -> {
      assertThat(i.filename()).isEqualTo("frame_000000.PNG");
      assertThat(i.labels()).hasSize(1);
      assertThat(i.problems()).isEmpty();
    });
    assertThat(read.report().count(ImportProblem.MISSING_IMAGE)).isEqualTo(78);
    assertThat(read.report().skippedImages()).isEqualTo(78);
    assertThat(read.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isZero();
  }

  @Test
  void cvatPosePaddedRowsParseWhenTheirImagesArePresent() throws Exception {
    Path copy = copyOf(fixture("cvat-ultralytics-pose"));
    image(copy.resolve("images/train/frame_000100.PNG"));
    image(copy.resolve("images/train/frame_000225.PNG"));
    YoloTestData.Read read = read(new YoloReader(null), copy);
    assertThat(read.items()).hasSize(3);
    assertThat(read.report().count(ImportProblem.MISSING_IMAGE)).isEqualTo(76);
    assertThat(read.report().count(ImportProblem.BAD_ROW)).isZero();
    assertThat(read.item("frame_000100.PNG").labels()).hasSize(2)
        .anySatisfy(l -> assertThat(l.classId()).isEqualTo(1));
  }

  @Test
  void cvatYolo11FallsBackToObjDataFoldersWhenListsAreAbsent() throws Exception {
    YoloTestData.Read read = read(new YoloReader(null), fixture("cvat-yolo1.1-vehicle"));
    assertThat(read.spec().classNames()).containsExactly("vehicle");
    assertThat(read.spec().task()).isEqualTo(Task.DETECT);
    assertThat(read.items()).isEmpty();
    assertThat(read.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isEqualTo(5);
    assertThat(read.report().examples(ImportProblem.OTHER))
        .contains("image list data/train.txt not found; reading folder data/obj_train_data");
  }

  @Test
  void datumaroYolo11ReadsItsDataPrefixedList() throws Exception {
    YoloTestData.Read read = read(new YoloReader(null), fixture("datumaro-reference-yolo1.1"));
    assertThat(read.spec().classNames()).hasSize(10).startsWith("label_0");
    assertThat(read.report().problemCount()).isZero();
    assertThat(read.items()).singleElement().satisfies(i -> {
      assertThat(i.filename()).isEqualTo("1.jpg");
      assertThat(i.labels()).extracting(YoloRows::format)
          .containsExactly("2 0.133333 0.3 0.266667 0.2", "4 0.266667 0.45 0.133333 0.3");
    });
  }

  @Test
  void labelImgCjkNamesComeFromClassesTxtAndTheGbkCopyDecodesTheSame() throws Exception {
    Path src = fixture("labelimg-yolo-xiaozhuan-cjk");
    YoloTestData.Read read = read(new YoloReader(null), src);
    assertThat(read.spec().classNames()).hasSize(31).startsWith("八", "巴");
    assertThat(read.item("wordcloud_152.png").labels()).hasSize(30);
    assertThat(read.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isEqualTo(1);
    ClassNamesFile.Names gbk = ClassNamesFile.read(src.resolve("labels/train/classes.txt"));
    assertThat(gbk.charset().name()).isEqualTo("GBK");
    assertThat(gbk.names()).isEqualTo(read.spec().classNames());
  }

  @Test
  void licensePlateYamlWithCommentsAndQuotesFindsItsLabelFolders() throws Exception {
    Path src = fixture("labelimg-yolo-licenseplate-labels-only");
    YoloTestData.Read read = read(new YoloReader(null), src);
    assertThat(read.spec().classNames()).containsExactly("License Plate");
    assertThat(read.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isEqualTo(3);
    assertThat(read.report().examples(ImportProblem.LABEL_WITHOUT_IMAGE))
        .noneMatch(s -> s.endsWith("classes.txt"));
    assertThat(ClassNamesFile.read(src.resolve("labels/train/classes.txt")).names())
        .containsExactly("License Plate", "License plate");
  }

  @Test
  void labelmeConversionsKeepTheirOwnClassOrderAndIgnoreForeignAbsolutePaths() throws Exception {
    YoloTestData.Read a = read(new YoloReader(null), fixture("labelme-to-yolo-two-conversions/conversion-a"));
    YoloTestData.Read b = read(new YoloReader(null), fixture("labelme-to-yolo-two-conversions/conversion-b"));
    assertThat(a.spec().classNames()).containsExactly("woman", "eye", "man");
    assertThat(b.spec().classNames()).containsExactly("eye", "man", "woman");
    assertThat(a.report().examples(ImportProblem.LABEL_WITHOUT_IMAGE))
        .containsExactly("labels/train/frame9_fff5250c.txt", "labels/val/frame10_5d0e4d57.txt");
    assertThat(b.report().count(ImportProblem.LABEL_WITHOUT_IMAGE)).isEqualTo(2);
  }

  /** Every label file of {@code src} has a counterpart in {@code out} with the same numbers. */
  private static void assertSameLabelFiles(Path src, Path out, int expectedFiles) throws IOException {
    List<Path> originals;
    try (Stream<Path> files = Files.walk(src.resolve("labels"))) {
      originals = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    assertThat(originals).hasSize(expectedFiles);
    for (Path original : originals) {
      Path exported = out.resolve(src.relativize(original).toString());
      List<String> a = Files.readAllLines(original).stream().filter(l -> !l.isBlank()).toList();
      List<String> b = Files.readAllLines(exported);
      assertThat(b).as(exported.toString()).hasSameSizeAs(a);
      for (int i = 0; i < a.size(); i++) {
        String[] x = a.get(i).trim().split("\\s+");
        String[] y = b.get(i).trim().split("\\s+");
        assertThat(y).as(exported + ":" + (i + 1)).hasSameSizeAs(x);
        for (int j = 0; j < x.length; j++) {
          assertThat(Double.parseDouble(y[j])).isCloseTo(Double.parseDouble(x[j]), within(5e-7));
        }
      }
    }
  }

  private Path copyOf(Path src) throws IOException {
    Path dst = tmp.resolve(src.getFileName().toString());
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.toList()) {
        Path t = dst.resolve(src.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return dst;
  }
}
