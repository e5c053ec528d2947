package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.stats.ClassStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassStatsServiceTest {
  @TempDir Path tmp;

  @Test
  void statsCoverEveryImageFollowEveryChangeAndHaveTheApiShape() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ws.datasets().create(NewDataset.of("s", Task.SEGMENT, List.of("a", "b")));
      String h1 = ContentStore.sha256("1".getBytes(StandardCharsets.UTF_8));
      String h2 = ContentStore.sha256("2".getBytes(StandardCharsets.UTF_8));
      ws.images().add("s", List.of(
          new NewImage(h1, "1.jpg", 640, 480, 1, Split.TRAIN,
              List.of(new BoxLabel(0, 0.5, 0.5, 0.2, 0.2),
                  new PolygonLabel(1, Coords.of(0.1, 0.1, 0.2, 0.1, 0.2, 0.2))), null, null, null),
          new NewImage(h2, "2.jpg", 320, 240, 1, Split.VAL, List.of(), null, null, null)));

      ClassStats first = ws.classStats().get("s");
      assertThat(first.cached()).isTrue();
      assertThat(first.sampleSize()).isEqualTo(2);
      assertThat(first.classes()).containsExactly(
          new ClassStats.ClassCount(0, 1, 1), new ClassStats.ClassCount(1, 1, 1));
      assertThat(first.imageStats().pointsHistogram())
          .containsExactly(new ClassStats.Bin(3, 1), new ClassStats.Bin(4, 1));

      assertSameAsFullComputation(ws, first);

      ws.labels().put("s", h2, List.of(new BoxLabel(1, 0.5, 0.5, 0.5, 0.5)));
      ClassStats third = ws.classStats().get("s");
      assertThat(third.classes().get(1)).isEqualTo(new ClassStats.ClassCount(1, 2, 2));
      assertSameAsFullComputation(ws, third);

      ws.images().delete("s", List.of(h1));
      ClassStats fourth = ws.classStats().get("s");
      assertThat(fourth.sampleSize()).isEqualTo(1);
      assertThat(fourth.classes()).containsExactly(
          new ClassStats.ClassCount(0, 0, 0), new ClassStats.ClassCount(1, 1, 1));
      assertSameAsFullComputation(ws, fourth);
      ws.classes().merge("s", List.of(1), 0);
      assertThat(ws.classStats().get("s").classes()).containsExactly(new ClassStats.ClassCount(0, 1, 1));

      JsonNode json = ApiJson.classStats(third);
      assertThat(json.fieldNames()).toIterable().containsExactly(
          "classes", "imageStats", "locationHeatmap", "dimensionHeatmap", "classNames", "cached", "sampled",
          "sampleSize");
      assertThat(json.at("/imageStats/widthHistogram/0/bin").asInt()).isEqualTo(320);
      assertThat(json.at("/dimensionHeatmap/maxWidth").asInt()).isEqualTo(160);
      assertThat(json.at("/classes/1/imageCount").asInt()).isEqualTo(2);
    }
  }

  private static void assertSameAsFullComputation(Workspace ws, ClassStats kept) {
    ClassStats full = ws.classStats().recompute("s");
    assertThat(kept.classes()).isEqualTo(full.classes());
    assertThat(kept.imageStats()).isEqualTo(full.imageStats());
    assertThat(kept.locationHeatmap().bins()).isDeepEqualTo(full.locationHeatmap().bins());
    assertThat(kept.dimensionHeatmap().bins()).isDeepEqualTo(full.dimensionHeatmap().bins());
    assertThat(kept.dimensionHeatmap().maxHeight()).isEqualTo(full.dimensionHeatmap().maxHeight());
    assertThat(kept.sampleSize()).isEqualTo(full.sampleSize());
  }
}
