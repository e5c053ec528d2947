package dev.loupe.core.formats.ndjson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NdjsonRoundTripTest {
  @TempDir Path tmp;

  static final double THIRD = 1.0 / 3.0;

  static List<Label> labelsFor(Task task) {
    return switch (task) {
      case DETECT -> List.of(new BoxLabel(0, THIRD, 0.5, 0.1234567890123457, 1), new BoxLabel(1, 0.25, 0.75, 2e-7, 0.3));
      case SEGMENT -> List.of(new PolygonLabel(1, Coords.of(0.1, 0.2, THIRD, 0.4, 0.5, 0.6000000000000001, 0, 1)),
          new BoxLabel(0, 0.5, 0.5, 0.2, 0.2));
      case POSE -> List.of(new PoseLabel(1, 0.5, 0.5, 0.4, THIRD, Coords.of(0.3, 0.4, 2, 0.0, 0.0, 0, 0.7, 0.65, 1), 3));
      case OBB -> List.of(new ObbLabel(0, Coords.of(0.1, 0.1, 0.9, 0.12, 0.88, 0.9, 0.08, 0.87 + 1e-12)));
      case CLASSIFY -> List.of(new ClassLabel(1));
      default -> throw new IllegalArgumentException();
    };
  }

  static ListExportSource source(Task task) {
    KptShape kpt = task == Task.POSE ? new KptShape(3, 3) : null;
    List<Integer> flip = task == Task.POSE ? List.of(0, 2, 1) : null;
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("channels", 3);
    extra.put("download", "https://example.com/x.zip");
    ListExportSource source = new ListExportSource(
        ListExportSource.dataset(task, List.of("person", "car"), kpt, flip, extra));
    source.add("a.jpg", Split.TRAIN, 640, 480, 1000, null, "https://cdn.example.com/a.jpg", labelsFor(task));
    source.add("b.jpg", Split.VAL, 320, 200, 500, null, null, List.of());
    return source;
  }

  static List<ImportItem> readAll(Path path, ImportReport report) throws IOException {
    NdjsonReader reader = new NdjsonReader();
    DatasetSpec spec = reader.readSpec(path, report);
    List<ImportItem> items = new ArrayList<>();
    reader.readItems(path, spec, report, items::add, TaskMonitor.NONE);
    return items;
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE", "OBB", "CLASSIFY"})
  void ndjsonRoundTripKeepsEveryValueExactly(Task task) throws IOException {
    Path file = tmp.resolve("out.ndjson");
    long written = new NdjsonWriter().write(source(task), file, TaskMonitor.NONE);
    ImportReport report = new ImportReport();

    DatasetSpec spec = new NdjsonReader().readSpec(file, report);
    List<ImportItem> items = readAll(file, report);

    assertThat(written).isEqualTo(2);
    assertThat(spec.task()).isEqualTo(task);
    assertThat(spec.classNames()).containsExactly("person", "car");
    assertThat(spec.name()).isEqualTo("test set");
    assertThat(spec.description()).isEqualTo("made in a test");
    assertThat(spec.extra()).containsExactly(
        Map.entry("channels", 3), Map.entry("download", "https://example.com/x.zip"));
    if (task == Task.POSE) {
      assertThat(spec.kptShape()).isEqualTo(new KptShape(3, 3));
      assertThat(spec.flipIdx()).containsExactly(0, 2, 1);
    }
    // b.jpg has neither file nor url: the one problem
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.MISSING_IMAGE, 1));
    assertThat(items).hasSize(2);
    ImportItem a = items.get(0);
    assertThat(a.filename()).isEqualTo("a.jpg");
    assertThat(a.split()).isEqualTo(Split.TRAIN);
    assertThat(a.url()).isEqualTo("https://cdn.example.com/a.jpg");
    assertThat(a.image()).isNull();
    assertThat(a.width()).isEqualTo(640);
    assertThat(a.height()).isEqualTo(480);
    assertThat(a.labels()).isEqualTo(labelsFor(task));
    ImportItem b = items.get(1);
    assertThat(b.split()).isEqualTo(Split.VAL);
    assertThat(b.url()).isNull();
    assertThat(b.labels()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE", "OBB", "CLASSIFY"})
  void secondExportIsByteIdenticalToTheFirst(Task task) throws IOException {
    Path first = tmp.resolve("1.ndjson");
    new NdjsonWriter().write(source(task), first, TaskMonitor.NONE);
    List<ImportItem> items = readAll(first, new ImportReport());
    DatasetSpec spec = new NdjsonReader().readSpec(first, new ImportReport());
    ListExportSource again = new ListExportSource(ListExportSource.dataset(
        spec.task(), spec.classNames(), spec.kptShape(), spec.flipIdx(), spec.extra()));
    long[] sizes = {1000, 500};
    for (int i = 0; i < items.size(); i++) {
      ImportItem it = items.get(i);
      again.add(it.filename(), it.split(), it.width(), it.height(), sizes[i], null, it.url(), it.labels());
    }
    Path second = tmp.resolve("2.ndjson");
    new NdjsonWriter().write(again, second, TaskMonitor.NONE);

    assertThat(second).hasSameTextualContentAs(first);
  }
}
