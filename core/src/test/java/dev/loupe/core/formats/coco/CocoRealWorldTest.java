package dev.loupe.core.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.Fixtures;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.formats.ndjson.TinyImages;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoRealWorldTest {
  @TempDir Path tmp;

  static List<ImportItem> readAll(Path path, DatasetSpec spec, ImportReport report) throws IOException {
    List<ImportItem> items = new ArrayList<>();
    new CocoReader().readItems(path, spec, report, items::add, TaskMonitor.NONE);
    return items;
  }

  @Test
  void mmdetVal2017SkipsCrowdMergesThreePartsAndMapsGappedIdsTo80Classes() throws IOException {
    Path json = Fixtures.require("real-world/coco-val2017-instances-rle-mmdet/instances_val2017.json");
    Path copy = Files.copy(json, tmp.resolve("instances_val2017.json"));
    TinyImages.png(tmp, "000000255917.jpg", 64, 43);
    TinyImages.png(tmp, "000000000139.jpg", 64, 43);
    ImportReport report = new ImportReport();

    DatasetSpec spec = new CocoReader().readSpec(copy, report);
    List<ImportItem> items = readAll(tmp, spec, report);

    assertThat(new CocoReader().accepts(tmp)).isTrue();
    assertThat(spec.task()).isEqualTo(Task.SEGMENT);
    assertThat(spec.classNames()).hasSize(80);
    assertThat(spec.classNames().get(0)).isEqualTo("person");
    assertThat(spec.classNames().get(79)).isEqualTo("toothbrush");
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.CROWD_RLE_SKIPPED, 1));
    assertThat(items).extracting(ImportItem::filename).containsExactly("000000255917.jpg", "000000000139.jpg");
    assertThat(items).allSatisfy(i -> assertThat(i.split()).isEqualTo(Split.VAL));
    assertThat(items.get(0).labels()).hasSize(16);
    assertThat(items.get(1).labels()).hasSize(20);
    assertThat(items.get(0).width()).isEqualTo(640);
    assertThat(items.get(0).height()).isEqualTo(427);
    // annotation 2204286, dining table (id 67 -> class 60), three parts merged as Ultralytics does
    PolygonLabel table = (PolygonLabel) items.get(1).labels().get(18);
    assertThat(table.classId()).isEqualTo(60);
    assertThat(spec.classNames().get(60)).isEqualTo("dining table");
    double[] v = table.points().toArray();
    assertThat(v).hasSize(62);
    assertThat(Arrays.copyOf(v, 4)).containsExactly(0.6054375000000001, 0.54481220657277, 0.603046875, 0.575);
    assertThat(Arrays.copyOfRange(v, 60, 62)).containsExactly(0.64290625, 0.5453286384976526);
    assertThat(Arrays.stream(v).sum()).isCloseTo(38.237724838615016, within(1e-12));
  }

  @Test
  void mmposeKeypointsKeepUnlabeledPersonsAndCountMissingImages() throws IOException {
    Path dir = Fixtures.require("real-world/coco-val2017-person-keypoints-mmpose");
    ImportReport report = new ImportReport();

    DatasetSpec spec = new CocoReader().readSpec(dir, report);
    List<ImportItem> items = readAll(dir, spec, report);

    assertThat(spec.task()).isEqualTo(Task.POSE);
    assertThat(spec.classNames()).containsExactly("person");
    assertThat(spec.kptShape()).isEqualTo(new KptShape(17, 3));
    assertThat(spec.flipIdx()).containsExactly(0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15);
    assertThat(spec.extra()).containsOnlyKeys("kpt_names");
    assertThat(report.counts()).containsExactly(Map.entry(ImportProblem.MISSING_IMAGE, 2));
    assertThat(report.skippedImages()).isEqualTo(2);
    assertThat(items).extracting(ImportItem::filename).containsExactly("000000000785.jpg", "000000040083.jpg");
    assertThat(items).allSatisfy(i -> assertThat(i.split()).isEqualTo(Split.TEST));
    assertThat(items.get(0).labels()).hasSize(1);
    assertThat(items.get(1).labels()).hasSize(3);
    // annotation 1202706: num_keypoints 0, bbox [275.17, 126.5, 10.69, 68.26] on 500x333
    PoseLabel unlabeled = (PoseLabel) items.get(1).labels().get(2);
    assertThat(unlabeled.keypoints()).isEqualTo(Coords.of(new double[51]));
    assertThat(unlabeled.cx()).isCloseTo((275.17 + 10.69 / 2) / 500, within(1e-12));
    assertThat(unlabeled.h()).isCloseTo(68.26 / 333, within(1e-12));
  }

  @Test
  void labelme2cocoDropsUnusedBackgroundAndFindsImagesInSubFolder() throws IOException {
    Path json = Fixtures.require("real-world/coco-labelme2coco/annotations.json");
    ImportReport report = new ImportReport();

    DatasetSpec spec = new CocoReader().readSpec(json, report);
    List<ImportItem> items = readAll(json, spec, report);

    assertThat(spec.task()).isEqualTo(Task.SEGMENT);
    assertThat(spec.classNames()).hasSize(20).startsWith("aeroplane", "bicycle");
    assertThat(report.problemCount()).isZero();
    assertThat(items).extracting(ImportItem::filename)
        .containsExactly("2011_000003.jpg", "2011_000025.jpg", "2011_000006.jpg");
    assertThat(items.get(0).image()).isEqualTo(json.getParent().resolve("JPEGImages/2011_000003.jpg"));
    assertThat(items).extracting(i -> i.labels().size()).containsExactly(3, 3, 6);
    assertThat(items.get(0).split()).isEqualTo(Split.TRAIN);
    PolygonLabel sofa = (PolygonLabel) items.get(2).labels().get(5);
    assertThat(sofa.classId()).isEqualTo(17);
    double[] v = sofa.points().toArray();
    assertThat(v).hasSize(62);
    assertThat(Arrays.copyOf(v, 4))
        .containsExactly(0.18787234042553197, 0.6388368794326241, 0.18387234042553197, 0.6121702127659575);
    assertThat(Arrays.stream(v).sum()).isCloseTo(32.694652482269504, within(1e-12));
    PolygonLabel twoParts = (PolygonLabel) items.get(0).labels().get(1);
    assertThat(twoParts.points().size()).isEqualTo(94);
    assertThat(twoParts.points().get(0)).isEqualTo(0.7736284584980239);
  }
}
