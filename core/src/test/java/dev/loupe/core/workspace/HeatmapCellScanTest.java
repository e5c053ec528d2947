package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.stats.ClassStatsCalculator;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapCellScanTest {
  private static final int IMAGES = 300;

  @TempDir Path tmp;

  private static String hash(int i) {
    return ContentStore.sha256(("cell-" + i).getBytes(StandardCharsets.UTF_8));
  }

  /** Image i: up to three labels (boxes, polygons, oriented boxes) at random places and sizes. */
  private static List<Label> labels(Random random) {
    List<Label> labels = new ArrayList<>();
    int n = random.nextInt(4);
    for (int j = 0; j < n; j++) {
      double cx = random.nextDouble() * 0.45;
      double cy = random.nextDouble() * 0.45;
      double w = 0.02 + random.nextDouble() * 0.5;
      double h = 0.02 + random.nextDouble() * 0.5;
      labels.add(
          switch (j % 3) {
            case 0 -> new BoxLabel(j, cx, cy, w, h);
            case 1 -> new PolygonLabel(j, Coords.of(cx, cy, cx + w / 2, cy, cx, cy + h / 3));
            default -> new ObbLabel(j, Coords.of(cx, cy, cx + w, cy, cx + w, cy + h, cx, cy + h));
          });
    }
    return labels;
  }

  private static Workspace filled(Path dir) {
    Workspace ws = Workspace.open(dir);
    ws.datasets().create(NewDataset.of("cells", Task.SEGMENT, List.of("a", "b", "c")));
    Random random = new Random(5);
    List<NewImage> images = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      images.add(new NewImage(hash(i), i + ".jpg", 640, 480, 1, Split.TRAIN, labels(random), null, null, null));
    }
    ws.images().add("cells", images);
    return ws;
  }

  @Test
  void everyCellFindsAsManyLabelsAsTheHeatmapCountsAndTheImagesHoldingThem() {
    try (Workspace ws = filled(tmp.resolve("ws"))) {
      ClassStats stats = ws.classStats().get("cells");
      HeatmapCellScan scan = new HeatmapCellScan(ws);
      List<List<Label>> labels = new ArrayList<>();
      for (int i = 0; i < IMAGES; i++) {
        labels.add(ws.labels().get("cells", hash(i)));
      }
      for (HeatmapCell.Heatmap heatmap : HeatmapCell.Heatmap.values()) {
        long[][] bins =
            heatmap == HeatmapCell.Heatmap.LOCATION ? stats.locationHeatmap().bins() : stats.dimensionHeatmap().bins();
        for (int row = 0; row < ClassStatsCalculator.GRID; row++) {
          for (int column = 0; column < ClassStatsCalculator.GRID; column++) {
            HeatmapCell cell = new HeatmapCell(heatmap, row, column);
            CellImages found = scan.scan("cells", cell, TaskMonitor.NONE);
            assertThat(found.labels()).as(cell.toString()).isEqualTo(bins[row][column]);
            assertThat(found.hashes()).as(cell.toString()).isEqualTo(imagesWithALabelIn(labels, cell));
          }
        }
      }
    }
  }

  /** The images with a label in the cell, worked out from the labels as the domain holds them. */
  private static Set<String> imagesWithALabelIn(List<List<Label>> labels, HeatmapCell cell) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < IMAGES; i++) {
      for (Label label : labels.get(i)) {
        double[] v = dev.loupe.core.domain.YoloRows.values(label);
        double minX;
        double minY;
        double maxX;
        double maxY;
        if (label instanceof BoxLabel b) {
          minX = b.cx() - b.w() / 2;
          maxX = b.cx() + b.w() / 2;
          minY = b.cy() - b.h() / 2;
          maxY = b.cy() + b.h() / 2;
        } else {
          minX = minY = Double.MAX_VALUE;
          maxX = maxY = -Double.MAX_VALUE;
          for (int k = 0; k + 1 < v.length; k += 2) {
            minX = Math.min(minX, v[k]);
            maxX = Math.max(maxX, v[k]);
            minY = Math.min(minY, v[k + 1]);
            maxY = Math.max(maxY, v[k + 1]);
          }
        }
        if (cell.holds(minX, minY, maxX, maxY)) {
          out.add(hash(i));
        }
      }
    }
    return out;
  }

  @Test
  void aHashSetFilterListsOnlyThoseImagesAndAnEmptyOneNone() {
    try (Workspace ws = filled(tmp.resolve("ws"))) {
      Set<String> chosen = Set.of(hash(3), hash(150), hash(299));
      ImagePage page = ws.images().list("cells", ImageQuery.all().withHashes(chosen).withPage(0, 100));
      assertThat(page.total()).isEqualTo(3);
      assertThat(page.images().stream().map(ImageRecord::hash).collect(Collectors.toSet())).isEqualTo(chosen);

      ImagePage valOnly =
          ws.images().list("cells", ImageQuery.all().withHashes(chosen).withSplit(Split.VAL).withPage(0, 100));
      assertThat(valOnly.total()).isZero();
      assertThat(ws.images().list("cells", ImageQuery.all().withHashes(Set.of())).total()).isZero();

      ws.images().delete("cells", List.of(hash(150)));
      assertThat(ws.images().list("cells", ImageQuery.all().withHashes(chosen)).total()).isEqualTo(2);
    }
  }

  @Test
  void aCancelledScanStops() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ws.datasets().create(NewDataset.of("big", Task.DETECT, List.of("a")));
      List<NewImage> images = new ArrayList<>();
      for (int i = 0; i < 12_000; i++) {
        images.add(new NewImage(hash(i), i + ".jpg", 64, 64, 1, Split.TRAIN,
            List.of(new BoxLabel(0, 0.5, 0.5, 0.1, 0.1)), null, null, null));
      }
      ws.images().add("big", images);
      List<Long> progress = new ArrayList<>();
      TaskMonitor cancelAfterFirstReport =
          new TaskMonitor() {
            @Override
            public void progress(long done, long total, String message) {
              progress.add(done);
            }

            @Override
            public boolean isCancelled() {
              return !progress.isEmpty();
            }
          };
      HeatmapCell centre = new HeatmapCell(HeatmapCell.Heatmap.LOCATION, 10, 10);
      assertThatThrownBy(() -> new HeatmapCellScan(ws).scan("big", centre, cancelAfterFirstReport))
          .isInstanceOf(CancelledException.class);
      assertThat(progress).containsExactly(5_000L);
    }
  }

  @Test
  void splitCountsHoldImagesAndLabelsPerSplit() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ws.datasets().create(NewDataset.of("s", Task.DETECT, List.of("a")));
      BoxLabel box = new BoxLabel(0, 0.5, 0.5, 0.1, 0.1);
      ws.images().add("s", List.of(
          new NewImage(hash(1), "1.jpg", 64, 64, 1, Split.TRAIN, List.of(box, box), null, null, null),
          new NewImage(hash(2), "2.jpg", 64, 64, 1, Split.TRAIN, List.of(box), null, null, null),
          new NewImage(hash(3), "3.jpg", 64, 64, 1, Split.TEST, List.of(), null, null, null)));
      assertThat(ws.images().splitCounts("s")).containsExactly(
          new SplitCount(Split.TRAIN, 2, 3), new SplitCount(Split.VAL, 0, 0), new SplitCount(Split.TEST, 1, 0));
    }
  }

  @Test
  void aCellOutsideTheGridIsRefused() {
    assertThatThrownBy(() -> new HeatmapCell(HeatmapCell.Heatmap.DIMENSION, 20, 0))
        .hasMessageContaining("outside the 20 x 20 heatmap");
  }
}
