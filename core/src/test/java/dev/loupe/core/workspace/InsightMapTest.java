package dev.loupe.core.workspace;

import static dev.loupe.core.workspace.InsightTestData.add;
import static dev.loupe.core.workspace.InsightTestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.MapOptions;
import dev.loupe.core.insight.MapPoint;
import dev.loupe.core.insight.SyntheticImages;
import dev.loupe.core.map.Clusterer;
import dev.loupe.core.map.Layout;
import dev.loupe.core.map.LayoutOptions;
import dev.loupe.core.map.MapLayouter;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maps through a fake layout (the first two vector values) and fake clusters (index modulo k). */
class InsightMapTest {
  @TempDir Path tmp;

  private final List<Integer> clusterCounts = new ArrayList<>();
  private final MapLayouter firstTwoValues =
      (vectors, options, monitor) -> {
        float[] x = new float[vectors.length];
        float[] y = new float[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
          x[i] = vectors[i][0] + options.seed();
          y[i] = vectors[i][1];
        }
        return new Layout(x, y);
      };
  private final Clusterer byIndex =
      (points, k, seed) -> {
        clusterCounts.add(k);
        int[] out = new int[points.length];
        for (int i = 0; i < out.length; i++) {
          out[i] = i % k;
        }
        return out;
      };

  private static MapOptions options(int neighbours, long seed, int clusters) {
    return new MapOptions(new EmbedOptions(null, 2), new LayoutOptions(neighbours, 0.1, 0, seed, 0, 1), clusters);
  }

  private static List<String> images(Workspace ws, String dataset, int n) {
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hashes.add(add(ws, dataset, "img" + i + ".jpg",
          SyntheticImages.jpeg(SyntheticImages.picture(i, 96, 64), 0.9f), i % 4 == 0 ? Split.VAL : Split.TRAIN));
    }
    return hashes;
  }

  @Test
  void aMapHasOnePointPerImageAndIsStored() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      WorkspaceInsight insight = new WorkspaceInsight(ws, firstTwoValues, byIndex);
      InsightTestData.dataset(ws, "d");
      List<String> hashes = images(ws, "d", 12);

      DatasetMap map = insight.map("d", options(5, 3, 0), TaskMonitor.NONE);

      assertThat(map.points()).hasSize(12);
      assertThat(map.points()).extracting(MapPoint::hash).containsExactlyElementsOf(hashes);
      assertThat(map.model()).isEqualTo("builtin");
      assertThat(map.seed()).isEqualTo(3);
      assertThat(map.clusters()).isEqualTo(2); // round(sqrt(12 / 2))
      MapPoint first = map.points().get(0);
      assertThat(first.filename()).isEqualTo("img0.jpg");
      assertThat(first.split()).isEqualTo(Split.VAL);
      assertThat(first.cluster()).isZero();
      assertThat(map.points().get(1).cluster()).isEqualTo(1);
      assertThat(rows(ws, "embedding")).isEqualTo(12);

      assertThat(insight.storedMap("d", null)).contains(map);
      assertThat(insight.storedMap("d", "builtin")).contains(map);

      DatasetMap newer = insight.map("d", options(5, 4, 3), TaskMonitor.NONE);
      assertThat(newer.clusters()).isEqualTo(3);
      assertThat(insight.storedMap("d", null).orElseThrow().seed()).isEqualTo(4);
      assertThat(clusterCounts).containsExactly(2, 3);

      ws.images().delete("d", List.of(hashes.get(0)));
      assertThat(insight.storedMap("d", null).orElseThrow().points()).hasSize(11);
    }
  }

  @Test
  void tooFewImagesOrNoneAreRefusedAndNothingIsWritten() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      WorkspaceInsight insight = new WorkspaceInsight(ws, firstTwoValues, byIndex);
      InsightTestData.dataset(ws, "empty");
      InsightTestData.dataset(ws, "few");
      images(ws, "few", 5);

      assertThatThrownBy(() -> insight.map("empty", options(5, 1, 0), TaskMonitor.NONE))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("dataset 'empty' has no images to map");
      assertThatThrownBy(() -> insight.map("few", options(5, 1, 0), TaskMonitor.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("dataset 'few' has 5 images; a map of 5 neighbours needs at least 6");
      assertThatThrownBy(() -> insight.map("nope", options(5, 1, 0), TaskMonitor.NONE))
          .isInstanceOf(NotFoundException.class);
      assertThat(rows(ws, "embedding")).isZero();
      assertThat(rows(ws, "dataset_map")).isZero();
      assertThat(insight.storedMap("few", null)).isEmpty();
    }
  }

  @Test
  void aFailingLayoutStoresNoMap() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      MapLayouter failing = (vectors, options, monitor) -> {
        throw new dev.loupe.core.task.CancelledException();
      };
      WorkspaceInsight insight = new WorkspaceInsight(ws, failing, byIndex);
      InsightTestData.dataset(ws, "d");
      images(ws, "d", 6);
      assertThatThrownBy(() -> insight.map("d", options(5, 1, 0), TaskMonitor.NONE))
          .isInstanceOf(dev.loupe.core.task.CancelledException.class);
      assertThat(rows(ws, "dataset_map")).isZero();
    }
  }

  @Test
  void clusterCountsGrowWithTheSquareRootUpToTwenty() {
    assertThat(WorkspaceInsight.clustersFor(1)).isEqualTo(1);
    assertThat(WorkspaceInsight.clustersFor(200)).isEqualTo(10);
    assertThat(WorkspaceInsight.clustersFor(100_000)).isEqualTo(20);
  }
}
