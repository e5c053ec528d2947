package dev.loupe.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassStatsCalculatorTest {
  @Test
  void countsLabelsImagesHistogramsAndHeatmapsByHand() {
    ClassStatsCalculator calc = new ClassStatsCalculator();
    calc.image(640, 480);
    // box centred at (0.5, 0.5), 0.2 x 0.5 of 640 x 480 = 128 x 240 px
    calc.label(0, 0.4, 0.25, 0.6, 0.75, 4);
    calc.label(0, 0.0, 0.0, 0.1, 0.1, 4);
    calc.image(100, 50);
    calc.label(1, 0.9, 0.9, 1.0, 1.0, 7);
    calc.label(0, 0.45, 0.45, 0.55, 0.55, 4);
    calc.image(639, 479);

    ClassStats stats = calc.build(List.of("a", "b", "c"));

    assertThat(stats.sampleSize()).isEqualTo(3);
    assertThat(stats.sampled()).isFalse();
    assertThat(stats.classes()).containsExactly(
        new ClassStats.ClassCount(0, 3, 2), new ClassStats.ClassCount(1, 1, 1), new ClassStats.ClassCount(2, 0, 0));
    assertThat(stats.imageStats().widthHistogram())
        .containsExactly(new ClassStats.Bin(96, 1), new ClassStats.Bin(608, 1), new ClassStats.Bin(640, 1));
    assertThat(stats.imageStats().heightHistogram())
        .containsExactly(new ClassStats.Bin(32, 1), new ClassStats.Bin(448, 1), new ClassStats.Bin(480, 1));
    assertThat(stats.imageStats().pointsHistogram())
        .containsExactly(new ClassStats.Bin(4, 3), new ClassStats.Bin(7, 1));
    long[][] loc = stats.locationHeatmap().bins();
    assertThat(loc[10][10]).isEqualTo(2);
    assertThat(loc[1][1]).isEqualTo(1);
    assertThat(loc[19][19]).isEqualTo(1);
    assertThat(stats.locationHeatmap().maxCount()).isEqualTo(2);
    ClassStats.DimensionHeatmap dim = stats.dimensionHeatmap();
    // normalized sizes 0.1999..x0.5 (0.6 - 0.4 in doubles), 0.1x0.1, 0.0999..x0.0999.., 0.1000..x0.1000..; in px 128x240, 64x48, 10x5, 10x5
    assertThat(dim.bins()[10][3]).isEqualTo(1);
    assertThat(dim.bins()[2][2]).isEqualTo(2);
    assertThat(dim.bins()[1][1]).isEqualTo(1);
    assertThat(dim.maxCount()).isEqualTo(2);
    assertThat(dim.minWidth()).isEqualTo(10);
    assertThat(dim.maxWidth()).isEqualTo(128);
    assertThat(dim.minHeight()).isEqualTo(5);
    assertThat(dim.maxHeight()).isEqualTo(240);
  }

  @Test
  void removingAnImageTakesOutExactlyWhatAddingPutInAndTheSumsSurviveBytes() {
    ClassStatsCalculator calc = new ClassStatsCalculator();
    calc.image(640, 480);
    calc.label(1, 0.1, 0.1, 0.3, 0.3, 4);
    ClassStats before = calc.build(List.of("a", "b"));
    calc.image(320, 240);
    calc.label(0, 0.5, 0.5, 0.9, 0.9, 12);
    calc.label(1, 0.0, 0.0, 1.0, 1.0, 4);
    calc.removeImage(320, 240);
    calc.label(0, 0.5, 0.5, 0.9, 0.9, 12);
    calc.label(1, 0.0, 0.0, 1.0, 1.0, 4);

    ClassStats after = ClassStatsCalculator.fromBytes(calc.toBytes()).build(List.of("a", "b"));
    assertThat(after.classes()).isEqualTo(before.classes());
    assertThat(after.imageStats()).isEqualTo(before.imageStats());
    assertThat(after.locationHeatmap().bins()).isDeepEqualTo(before.locationHeatmap().bins());
    assertThat(after.dimensionHeatmap().bins()).isDeepEqualTo(before.dimensionHeatmap().bins());
    assertThat(after.dimensionHeatmap().maxWidth()).isEqualTo(128);
    assertThat(after.sampleSize()).isEqualTo(1);
  }
}
