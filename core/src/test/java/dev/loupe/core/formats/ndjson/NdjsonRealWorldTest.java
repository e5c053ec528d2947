package dev.loupe.core.formats.ndjson;

import static dev.loupe.core.formats.ndjson.NdjsonRoundTripTest.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.Fixtures;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NdjsonRealWorldTest {
  private static Map<Split, Long> splits(List<ImportItem> items) {
    return items.stream().collect(Collectors.groupingBy(ImportItem::split, Collectors.counting()));
  }

  @Test
  void platformExportWithStringVersionReads300ImagesInTheirSplits() throws IOException {
    Path dir = Fixtures.require("real-world/ndjson-platform-lettuce/version-latest");
    ImportReport report = new ImportReport();

    NdjsonHeader header = new NdjsonReader().readHeader(dir);
    List<ImportItem> items = readAll(dir, report);

    assertThat(new NdjsonReader().accepts(dir)).isTrue();
    assertThat(header.version()).isEqualTo("latest");
    assertThat(header.url()).isEqualTo("https://platform.ultralytics.com/pinont/datasets/lettuce-growth-stage");
    DatasetSpec spec = header.spec();
    assertThat(spec.task()).isEqualTo(Task.DETECT);
    assertThat(spec.name()).isEqualTo("lettuce-growth-stage");
    assertThat(spec.classNames()).containsExactly("Harvest Stage", "Seedling Stage", "Vegetative Stage");
    assertThat(spec.extra()).isEmpty();
    assertThat(items).hasSize(300);
    assertThat(splits(items)).containsOnly(
        Map.entry(Split.TRAIN, 210L), Map.entry(Split.VAL, 60L), Map.entry(Split.TEST, 30L));
    assertThat(items).allSatisfy(i -> {
      assertThat(i.labels()).hasSize(1);
      assertThat(i.image()).isNull();
      assertThat(i.url()).startsWith("https://cdn.ul.run/");
      assertThat(i.width()).isEqualTo(1920);
      assertThat(i.height()).isEqualTo(1080);
    });
    ImportItem first = items.get(0);
    assertThat(first.filename()).isEqualTo("midlettuce_29_png.rf.Y2SDTpsZnt3aCr9PcywV.jpg");
    assertThat(first.labels()).containsExactly(new BoxLabel(2, 0.50433, 0.60339, 0.38192, 0.50922));
    assertThat(report.problemCount()).isZero();
  }

  @Test
  void platformExcerptReadsBackgroundRecordsAndIntegerCoordinates() throws IOException {
    Path file = Fixtures.require(
        "real-world/ndjson-platform-lettuce/version-1-excerpt/dataset.excerpt.ndjson");
    ImportReport report = new ImportReport();

    NdjsonHeader header = new NdjsonReader().readHeader(file);
    List<ImportItem> items = readAll(file, report);

    assertThat(header.version()).isEqualTo("1");
    assertThat(header.spec().description()).isEmpty();
    assertThat(header.spec().classNames()).containsExactly("Damaged", "Harvest", "Vegetative");
    assertThat(items).hasSize(69);
    assertThat(splits(items)).containsOnly(
        Map.entry(Split.TRAIN, 37L), Map.entry(Split.VAL, 13L), Map.entry(Split.TEST, 19L));
    assertThat(items.stream().filter(i -> i.labels().isEmpty()).count()).isEqualTo(3);
    // 291 rows, of which 78 repeat a row of the same image (the 78- and 52-box images are 26 boxes
    // written three and two times): dropped as Ultralytics does
    assertThat(items.stream().mapToInt(i -> i.labels().size()).sum()).isEqualTo(213);
    assertThat(items.stream().mapToInt(i -> i.labels().size()).max().getAsInt()).isEqualTo(26);
    assertThat(report.count(ImportProblem.DUPLICATE_ROW)).isEqualTo(78);
    assertThat(items.get(11).problems()).hasSize(26);
    assertThat(items.get(11).problems().get(0)).startsWith("dataset.excerpt.ndjson line 13 boxes row 27");
    Map<String, ImportItem> byLineOrder = items.stream()
        .collect(Collectors.toMap(ImportItem::filename, Function.identity(), (a, b) -> a));
    assertThat(items.get(10).labels()).contains(new BoxLabel(1, 0.13669, 0.49998, 0.27343, 1));
    assertThat(byLineOrder).hasSize(69);
    assertThat(report.problemCount()).isEqualTo(78);
  }

  @Test
  void thirdPartyScriptWithSpacedSeparatorsAndEmptyBoxes() throws IOException {
    Path file = Fixtures.require("real-world/ndjson-thirdparty-script-excerpt/dataset.excerpt.ndjson");
    ImportReport report = new ImportReport();

    NdjsonHeader header = new NdjsonReader().readHeader(file);
    List<ImportItem> items = readAll(file, report);

    assertThat(header.version()).isEqualTo("1");
    assertThat(header.url()).isNull();
    assertThat(header.spec().classNames()).containsExactly("snow_leopard");
    assertThat(items).hasSize(6);
    assertThat(items.stream().filter(i -> i.labels().isEmpty()).count()).isEqualTo(3);
    assertThat(splits(items)).containsOnly(Map.entry(Split.TEST, 4L), Map.entry(Split.TRAIN, 2L));
    assertThat(items.get(0).labels()).containsExactly(new BoxLabel(
        0, 0.3338772845953002, 0.4556135770234985, 0.35248041775456895, 0.2637075718015667));
    assertThat(items.get(0).width()).isEqualTo(500);
    assertThat(report.problemCount()).isZero();
  }
}
