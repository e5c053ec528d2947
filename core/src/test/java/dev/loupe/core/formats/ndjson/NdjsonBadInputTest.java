package dev.loupe.core.formats.ndjson;

import static dev.loupe.core.formats.ndjson.NdjsonRoundTripTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdjsonBadInputTest {
  static final String DETECT =
      "{\"type\":\"dataset\",\"task\":\"detect\",\"class_names\":{\"0\":\"a\",\"1\":\"b\"},\"version\":1}";

  @TempDir Path tmp;

  private Path file(String... lines) throws IOException {
    Path f = tmp.resolve("d.ndjson");
    Files.writeString(f, String.join("\n", lines) + "\n");
    return f;
  }

  private static String image(String file, String annotations) {
    return "{\"type\":\"image\",\"file\":\"" + file + "\",\"url\":\"https://x/" + file
        + "\",\"width\":100,\"height\":50,\"split\":\"train\""
        + (annotations == null ? "" : ",\"annotations\":" + annotations) + "}";
  }

  @Test
  void badJsonLineAndUnknownTypeAreRecordedAndSkipped() throws IOException {
    ImportReport report = new ImportReport();
    List<ImportItem> items = readAll(file(DETECT, "{not json", "{\"type\":\"video\"}",
        image("a.jpg", null)), report);

    assertThat(items).extracting(ImportItem::filename).containsExactly("a.jpg");
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.BAD_RECORD, 2));
    assertThat(report.examples(ImportProblem.BAD_RECORD))
        .containsExactly("d.ndjson line 2: not JSON", "d.ndjson line 3: not an image record (type 'video')");
  }

  @Test
  void wrongRowLengthIsDroppedAndNamedOnTheItem() throws IOException {
    ImportReport report = new ImportReport();
    List<ImportItem> items = readAll(file(DETECT,
        image("a.jpg", "{\"boxes\":[[0,0.5,0.5,0.2],[1,0.5,0.5,0.2,0.2],[0,\"x\",1,1,1]]}")), report);

    assertThat(items.get(0).labels()).containsExactly(new BoxLabel(1, 0.5, 0.5, 0.2, 0.2));
    assertThat(report.count(ImportProblem.BAD_ROW)).isEqualTo(2);
    assertThat(items.get(0).problems()).hasSize(2);
    assertThat(items.get(0).problems().get(0)).startsWith("d.ndjson line 2 boxes row 1: row has 4 values");
  }

  @Test
  void unknownClassIdIsDropped() throws IOException {
    ImportReport report = new ImportReport();
    List<ImportItem> items = readAll(file(DETECT,
        image("a.jpg", "{\"boxes\":[[2,0.5,0.5,0.2,0.2],[0,0.5,0.5,0.2,0.2]]}")), report);

    assertThat(items.get(0).labels()).containsExactly(new BoxLabel(0, 0.5, 0.5, 0.2, 0.2));
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.UNKNOWN_CLASS, 1));
    assertThat(items.get(0).problems()).containsExactly("d.ndjson line 2 boxes row 1: unknown class id 2");
  }

  @Test
  void outOfRangeCoordinateIsKeptAndFlagged() throws IOException {
    ImportReport report = new ImportReport();
    List<ImportItem> items = readAll(file(DETECT, image("a.jpg", "{\"boxes\":[[0,1.2,0.5,0.2,0.2]]}")), report);

    assertThat(items.get(0).labels()).containsExactly(new BoxLabel(0, 1.2, 0.5, 0.2, 0.2));
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.OUT_OF_RANGE, 1));
    assertThat(items.get(0).problems())
        .containsExactly("d.ndjson line 2 boxes row 1: coordinate 1.2 outside [-0.01, 1.01]");
  }

  @Test
  void duplicateRowIsDropped() throws IOException {
    ImportReport report = new ImportReport();
    List<ImportItem> items = readAll(file(DETECT,
        image("a.jpg", "{\"boxes\":[[0,0.5,0.5,0.2,0.2],[0,0.5,0.5,0.2,0.2]]}")), report);

    assertThat(items.get(0).labels()).hasSize(1);
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.DUPLICATE_ROW, 1));
    assertThat(items.get(0).problems()).containsExactly("d.ndjson line 2 boxes row 2: duplicate row dropped");
  }

  @Test
  void absentImageKeepsItsUrlAndSizeAndPresentOneIsFoundInImagesSplit() throws IOException {
    Path f = file(DETECT, image("gone.jpg", null), image("here.png", null));
    Path here = TinyImages.png(tmp, "images/train/here.png", 12, 12);
    ImportReport report = new ImportReport();

    List<ImportItem> items = readAll(f, report);

    assertThat(items.get(0).image()).isNull();
    assertThat(items.get(0).url()).isEqualTo("https://x/gone.jpg");
    assertThat(items.get(0).width()).isEqualTo(100);
    assertThat(items.get(0).height()).isEqualTo(50);
    assertThat(items.get(1).image()).isEqualTo(here);
    assertThat(report.problemCount()).isZero();
  }

  @Test
  void imageWithoutFileAndWithoutUrlIsMissing() throws IOException {
    ImportReport report = new ImportReport();
    List<ImportItem> items = readAll(file(DETECT,
        "{\"type\":\"image\",\"file\":\"../x.jpg\",\"width\":5,\"height\":5,\"split\":\"val\"}"), report);

    assertThat(items).singleElement().satisfies(i -> {
      assertThat(i.image()).isNull();
      assertThat(i.split()).isEqualTo(Split.VAL);
      assertThat(i.filename()).isEqualTo("x.jpg");
    });
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.MISSING_IMAGE, 1));
  }

  @Test
  void notAnNdjsonHeaderIsRejected() throws IOException {
    Path f = file("{\"type\":\"image\",\"file\":\"a.jpg\"}");
    assertThatThrownBy(() -> new NdjsonReader().readSpec(f, new ImportReport()))
        .isInstanceOf(IOException.class).hasMessageContaining("not an NDJSON dataset header");
    assertThat(new NdjsonReader().accepts(f)).isFalse();
  }

  @Test
  void obbRowOfCentreSizeAngleBecomesFourCornersRotatedInPixels() throws IOException {
    String header = "{\"type\":\"dataset\",\"task\":\"obb\",\"class_names\":[\"ship\"]}";
    ImportReport report = new ImportReport();
    // 100x50 image, box 20x10 px at (50,25) turned by 90 degrees: corners 5 px left/right, 10 px up/down
    List<ImportItem> items = readAll(file(header,
        image("a.jpg", "{\"obb\":[[0,0.5,0.5,0.2,0.2," + (Math.PI / 2) + "]]}")), report);

    ObbLabel obb = (ObbLabel) items.get(0).labels().get(0);
    double[] expected = {0.45, 0.7, 0.55, 0.7, 0.55, 0.3, 0.45, 0.3};
    for (int i = 0; i < 8; i++) {
      assertThat(obb.corners().get(i)).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-12));
    }
    assertThat(report.problemCount()).isZero();
  }

  @Test
  void poseRowWithoutBoxGetsTheBoxOfItsLabeledKeypoints() throws IOException {
    String header = "{\"type\":\"dataset\",\"task\":\"pose\",\"class_names\":{\"0\":\"p\"},\"kpt_shape\":[3,3]}";
    ImportReport report = new ImportReport();
    List<ImportItem> items = readAll(file(header,
        image("a.jpg", "{\"pose\":[[0,0.2,0.3,2,0.9,0.9,0,0.6,0.7,1]]}")), report);

    assertThat(items.get(0).labels()).containsExactly(new PoseLabel(0, 0.4, 0.5, 0.39999999999999997,
        0.39999999999999997, Coords.of(0.2, 0.3, 2, 0.9, 0.9, 0, 0.6, 0.7, 1), 3));
  }
}
