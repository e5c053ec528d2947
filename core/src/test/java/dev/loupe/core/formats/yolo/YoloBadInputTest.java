package dev.loupe.core.formats.yolo;

import static dev.loupe.core.formats.yolo.YoloTestData.image;
import static dev.loupe.core.formats.yolo.YoloTestData.read;
import static dev.loupe.core.formats.yolo.YoloTestData.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input is counted, described on the image and never aborts the import. */
class YoloBadInputTest {
  @TempDir Path root;

  @BeforeEach
  void dataset() throws Exception {
    text(root.resolve("data.yaml"), "train: images/train\nval: images/train\nnames: [a, b]\n");
    image(root.resolve("images/train/x.jpg"));
  }

  private YoloTestData.Read readWithRows(String rows) throws Exception {
    text(root.resolve("labels/train/x.txt"), rows);
    return read(new YoloReader(null), root);
  }

  @Test
  void wrongColumnCountDropsTheRowAndNamesFileLineAndRow() throws Exception {
    YoloTestData.Read read = readWithRows("0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2\n");
    ImportItem item = read.item("x.jpg");
    assertThat(item.labels()).extracting(YoloRows::format).containsExactly("0 0.5 0.5 0.2 0.2");
    assertThat(item.problems()).singleElement().asString()
        .startsWith("labels/train/x.txt:2: ").contains("'1 0.5 0.5 0.2'");
    assertThat(read.report().counts()).isEqualTo(Map.of(ImportProblem.BAD_ROW, 1));
    assertThat(read.report().examples(ImportProblem.BAD_ROW)).containsExactly("labels/train/x.txt:2");
  }

  @Test
  void nonNumericValueDropsTheRow() throws Exception {
    YoloTestData.Read read = readWithRows("0 0.5 abc 0.2 0.2\n0x1 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2");
    assertThat(read.item("x.jpg").labels()).extracting(YoloRows::format)
        .containsExactly("1 0.5 0.5 0.2 0.2");
    assertThat(read.item("x.jpg").problems()).hasSize(2).first().asString()
        .contains(":1: 'abc' is not a number");
    assertThat(read.report().counts()).isEqualTo(Map.of(ImportProblem.BAD_ROW, 2));
  }

  @Test
  void outOfRangeCoordinateKeepsTheRowAndFlagsTheImage() throws Exception {
    YoloTestData.Read read = readWithRows("0 1.2 0.5 0.2 0.2\n0 1.005 0.5 0.2 0.2\n");
    assertThat(read.item("x.jpg").labels()).hasSize(2);
    assertThat(read.item("x.jpg").problems()).singleElement().asString()
        .contains("x.txt:1", "1.2", "kept");
    assertThat(read.report().counts()).isEqualTo(Map.of(ImportProblem.OUT_OF_RANGE, 1));
  }

  @Test
  void unknownClassIdDropsTheRow() throws Exception {
    YoloTestData.Read read = readWithRows("2 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2 0.2\n");
    assertThat(read.item("x.jpg").labels()).extracting(l -> l.classId()).containsExactly(1);
    assertThat(read.item("x.jpg").problems()).singleElement().asString()
        .contains(":1: class id 2 but the dataset has 2 classes");
    assertThat(read.report().counts()).isEqualTo(Map.of(ImportProblem.UNKNOWN_CLASS, 1));
  }

  @Test
  void duplicateRowsAreDroppedAndCounted() throws Exception {
    YoloTestData.Read read = readWithRows(
        "0 0.5 0.5 0.2 0.2\n0 0.50 0.5 0.2 0.2  \n1 0.1 0.1 0.1 0.1\n0 5e-1 0.5 0.2 0.2");
    assertThat(read.item("x.jpg").labels()).hasSize(2);
    assertThat(read.item("x.jpg").problems()).hasSize(2).allMatch(p -> p.contains("duplicate of line 1"));
    assertThat(read.report().counts()).isEqualTo(Map.of(ImportProblem.DUPLICATE_ROW, 2));
  }

  @Test
  void labelFileWithoutImageIsCountedAndNotImported() throws Exception {
    text(root.resolve("labels/train/ghost.txt"), "0 0.5 0.5 0.2 0.2\n");
    YoloTestData.Read read = readWithRows("");
    assertThat(read.items()).extracting(ImportItem::filename).containsExactly("x.jpg");
    assertThat(read.item("x.jpg").labels()).isEmpty();
    assertThat(read.report().counts()).isEqualTo(Map.of(ImportProblem.LABEL_WITHOUT_IMAGE, 1));
    assertThat(read.report().examples(ImportProblem.LABEL_WITHOUT_IMAGE))
        .containsExactly("labels/train/ghost.txt");
  }

  @Test
  void listedButMissingImageIsCountedAndSkipped() throws Exception {
    text(root.resolve("data.yaml"), "train: train.txt\nval: train.txt\nnames: [a, b]\n");
    text(root.resolve("train.txt"), "./images/train/x.jpg\nimages/train/gone.jpg\n");
    text(root.resolve("labels/train/gone.txt"), "0 0.5 0.5 0.2 0.2\n");
    YoloTestData.Read read = readWithRows("0 0.5 0.5 0.2 0.2");
    assertThat(read.items()).extracting(ImportItem::filename).containsExactly("x.jpg");
    assertThat(read.report().counts()).isEqualTo(Map.of(ImportProblem.MISSING_IMAGE, 1));
    assertThat(read.report().examples(ImportProblem.MISSING_IMAGE)).containsExactly("images/train/gone.jpg");
    assertThat(read.report().skippedImages()).isEqualTo(1);
  }

  @Test
  void ncAndNamesDisagreeingIsRecordedAndNamesWin() throws Exception {
    text(root.resolve("data.yaml"), "train: images/train\nval: images/train\nnc: 3\nnames: [a, b]\n");
    ImportReport report = new ImportReport();
    assertThat(new YoloReader(null).readSpec(root, report).classNames()).containsExactly("a", "b");
    assertThat(report.examples(ImportProblem.OTHER)).containsExactly("nc is 3 but names has 2 entries (names used)");
  }

  @Test
  void folderThatIsNotYoloThrowsWithAClearMessage() {
    Path empty = root.resolve("images/train");
    assertThatThrownBy(() -> new YoloReader(null).readSpec(empty, new ImportReport()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a YOLO dataset");
  }
}
