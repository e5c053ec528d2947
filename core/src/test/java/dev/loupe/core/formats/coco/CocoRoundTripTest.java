package dev.loupe.core.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.loupe.core.Fixtures;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.formats.ndjson.ListExportSource;
import dev.loupe.core.formats.ndjson.TinyImages;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CocoRoundTripTest {
  @TempDir Path tmp;

  static List<Label> labelsFor(Task task) {
    return switch (task) {
      case DETECT -> List.of(new BoxLabel(0, 1.0 / 3, 0.5, 0.25, 0.4), new BoxLabel(1, 0.7, 0.2, 0.1, 0.15));
      case SEGMENT -> List.of(new PolygonLabel(1, Coords.of(0.1, 0.2, 0.45, 0.25, 0.4, 0.8, 0.12, 0.6)));
      case POSE -> List.of(new PoseLabel(0, 0.5, 0.5, 0.4, 0.6, Coords.of(0.4, 0.3, 2, 0, 0, 0, 0.6, 0.7, 1), 3));
      default -> throw new IllegalArgumentException();
    };
  }

  private static void assertSameLabels(List<Label> actual, List<Label> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).getClass()).isEqualTo(expected.get(i).getClass());
      assertThat(actual.get(i).classId()).isEqualTo(expected.get(i).classId());
      double[] a = YoloRows.values(actual.get(i));
      double[] e = YoloRows.values(expected.get(i));
      assertThat(a).hasSameSizeAs(e);
      for (int j = 0; j < e.length; j++) {
        assertThat(a[j]).isCloseTo(e[j], within(1e-6));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE"})
  void loupeToCocoToLoupeKeepsGeometry(Task task) throws IOException {
    Path img = TinyImages.png(tmp.resolve("src"), "a.png", 40, 30);
    KptShape kpt = task == Task.POSE ? new KptShape(3, 3) : null;
    Map<String, Object> extra = task == Task.POSE ? Map.of("kpt_names", Map.of(0, List.of("nose", "l", "r"))) : Map.of();
    ListExportSource source = new ListExportSource(
        ListExportSource.dataset(task, List.of("cat", "dog"), kpt, null, extra))
        .add("a.png", Split.VAL, 40, 30, Files.size(img), img, null, labelsFor(task));
    Path out = tmp.resolve("coco");

    new CocoWriter().write(source, out, TaskMonitor.NONE);
    ImportReport report = new ImportReport();
    DatasetSpec spec = new CocoReader().readSpec(out, report);
    List<ImportItem> items = CocoRealWorldTest.readAll(out, spec, report);

    assertThat(out.resolve("annotations/instances_val.json")).exists();
    assertThat(out.resolve("images/val/a.png")).exists();
    assertThat(spec.task()).isEqualTo(task);
    assertThat(spec.classNames()).containsExactly("cat", "dog");
    assertThat(report.problemCount()).isZero();
    assertThat(items).singleElement().satisfies(i -> {
      assertThat(i.split()).isEqualTo(Split.VAL);
      assertSameLabels(i.labels(), labelsFor(task));
    });
    if (task == Task.POSE) {
      assertThat(spec.kptShape()).isEqualTo(kpt);
      // every class of a pose dataset has keypoints: names not given are written kp_0, kp_1, ...
      assertThat(spec.extra().get("kpt_names"))
          .isEqualTo(Map.of(0, List.of("nose", "l", "r"), 1, List.of("kp_0", "kp_1", "kp_2")));
    }
  }

  @Test
  void annotationsCarryOneBasedIdsPixelsAreaAndKeypointCounts() throws IOException {
    ListExportSource source = new ListExportSource(ListExportSource.dataset(Task.POSE, List.of("p"),
        new KptShape(3, 3), null, Map.of()))
        .add("a.png", Split.TRAIN, 200, 100, 1, null, null, labelsFor(Task.POSE));
    Path out = tmp.resolve("all.json");

    new CocoWriter().write(source, out, TaskMonitor.NONE);
    JsonNode root = new ObjectMapper().readTree(out.toFile());

    JsonNode cat = root.get("categories").get(0);
    assertThat(cat.get("id").asInt()).isEqualTo(1);
    assertThat(cat.get("keypoints").toString()).isEqualTo("[\"kp_0\",\"kp_1\",\"kp_2\"]");
    JsonNode ann = root.get("annotations").get(0);
    assertThat(ann.get("category_id").asInt()).isEqualTo(1);
    assertThat(ann.get("bbox").toString()).isEqualTo("[60.0,20.0,80.0,60.0]");
    assertThat(ann.get("area").asDouble()).isEqualTo(4800.0);
    assertThat(ann.get("iscrowd").asInt()).isZero();
    assertThat(ann.get("keypoints").toString()).isEqualTo("[80.0,30.0,2,0.0,0.0,0,120.0,70.0,1]");
    assertThat(ann.get("num_keypoints").asInt()).isEqualTo(2);
  }

  @Test
  void obbIsExportedAsItsPolygonAndBoundingBox() throws IOException {
    ListExportSource source = new ListExportSource(ListExportSource.dataset(Task.OBB, List.of("ship"), null, null, Map.of()))
        .add("a.png", Split.TRAIN, 100, 100, 1, null, null,
            List.of(new ObbLabel(0, Coords.of(0.5, 0.1, 0.9, 0.5, 0.5, 0.9, 0.1, 0.5))));
    Path out = tmp.resolve("obb.json");

    new CocoWriter().write(source, out, TaskMonitor.NONE);
    JsonNode ann = new ObjectMapper().readTree(out.toFile()).get("annotations").get(0);

    assertThat(ann.get("bbox").toString()).isEqualTo("[10.0,10.0,80.0,80.0]");
    assertThat(ann.get("area").asDouble()).isCloseTo(3200.0, within(1e-9));
    assertThat(ann.get("segmentation").get(0)).hasSize(8);
  }

  @Test
  void cocoKeypointsFixtureSurvivesCocoToLoupeToCoco() throws IOException {
    Path dir = Fixtures.require("real-world/coco-val2017-person-keypoints-mmpose");
    DatasetSpec spec = new CocoReader().readSpec(dir, new ImportReport());
    List<ImportItem> items = CocoRealWorldTest.readAll(dir, spec, new ImportReport());
    ListExportSource source = new ListExportSource(ListExportSource.dataset(
        spec.task(), spec.classNames(), spec.kptShape(), spec.flipIdx(), spec.extra()));
    for (ImportItem i : items) {
      source.add(i.filename(), i.split(), i.width(), i.height(), Files.size(i.image()), i.image(), null, i.labels());
    }
    Path out = tmp.resolve("again");

    new CocoWriter().write(source, out, TaskMonitor.NONE);
    DatasetSpec again = new CocoReader().readSpec(out, new ImportReport());
    List<ImportItem> back = CocoRealWorldTest.readAll(out, again, new ImportReport());

    assertThat(again.kptShape()).isEqualTo(spec.kptShape());
    assertThat(again.extra()).isEqualTo(spec.extra());
    assertThat(back).hasSize(2);
    for (int i = 0; i < items.size(); i++) {
      assertSameLabels(back.get(i).labels(), items.get(i).labels());
    }
  }
}
