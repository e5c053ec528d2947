package dev.loupe.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingAndSimilarityTest {
  static int levels(int from, int to) {
    int bits = 0;
    for (int i = from; i <= to; i++) {
      bits |= 1 << i;
    }
    return bits;
  }

  @Test
  void eachTruthAndPredictionIsMatchedOnceByIou() {
    // truth 0: 0.6 with p0, 0.9 with p1; truth 1: 0.8 with p0
    double[][] iou = {{0.6, 0.9}, {0.8, 0.0}};

    int[] correct = PredictionMatcher.match(new int[] {0, 0}, new int[] {0, 0}, iou);

    assertThat(correct[0]).isEqualTo(levels(0, 6)); // with truth 1 up to 0.80
    assertThat(correct[1]).isEqualTo(levels(0, 8)); // with truth 0 up to 0.90
  }

  /**
   * Ultralytics keeps, per truth, the pair of the first prediction (the most confident), not the
   * pair of highest IoU: truth 0 overlaps p0 by 0.6 and p1 by 0.9; p0 wins up to 0.6, p1 above.
   */
  @Test
  void aTruthGoesToTheFirstPredictionThatMatchesIt() {
    double[][] iou = {{0.62, 0.9}};

    int[] correct = PredictionMatcher.match(new int[] {0, 0}, new int[] {0}, iou);

    assertThat(correct[0]).isEqualTo(levels(0, 2));
    assertThat(correct[1]).isEqualTo(levels(3, 8));
  }

  @Test
  void classesMustAgree() {
    int[] correct = PredictionMatcher.match(new int[] {1}, new int[] {0}, new double[][] {{1.0}});

    assertThat(correct[0]).isZero();
    assertThat(PredictionMatcher.IOU_THRESHOLDS).hasSize(10);
    assertThat(PredictionMatcher.IOU_THRESHOLDS[9]).isEqualTo(0.95f);
  }

  @Test
  void boxIouHasTheEpsInTheUnion() {
    assertThat(BoxIou.of(new double[] {0, 0, 10, 10}, new double[] {5, 0, 15, 10})).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(BoxIou.of(new double[] {0, 0, 10, 10}, new double[] {10, 0, 20, 10})).isZero();
    assertThat(BoxIou.of(new double[] {0, 0, 10, 10}, new double[] {0, 0, 10, 10})).isEqualTo(100 / (100 + 1e-7));
  }

  @Test
  void oksWeighsDistanceBySigmaAndAreaAndSkipsUnlabelledKeypoints() {
    // K = 2: sigma 1/2, (2 sigma)^2 = 1; box 10 x 10 -> area 53
    double[] truth = {10, 10, 2, 20, 20, 2};
    double[] predicted = {15, 10, 0.9, 20, 20, 0.9};
    double area = 100 * Oks.AREA_FACTOR;
    double[] sigmas = Oks.sigmas(2);

    assertThat(Oks.of(truth, truth, 3, area, sigmas)).isCloseTo(1.0, within(1e-7));
    assertThat(Oks.of(truth, predicted, 3, area, sigmas))
        .isCloseTo((Math.exp(-25.0 / 106) + 1) / 2, within(1e-7));
    double[] secondUnlabelled = {10, 10, 2, 0, 0, 0};
    assertThat(Oks.of(secondUnlabelled, predicted, 3, area, sigmas)).isCloseTo(Math.exp(-25.0 / 106), within(1e-7));
    assertThat(Oks.sigmas(17)[0]).isCloseTo(0.026, within(1e-12));
    assertThat(Oks.sigmas(17)[11]).isCloseTo(0.107, within(1e-12));
  }

  @Test
  void polygonsAreRasterizedByPixelCentresForMaskIou() {
    double[] left = {1, 1, 3, 1, 3, 3, 1, 3};
    double[] right = {2, 1, 4, 1, 4, 3, 2, 3};

    boolean[] a = MaskIou.rasterize(List.of(left), 4, 4, 1.0);
    boolean[] b = MaskIou.rasterize(List.of(right), 4, 4, 1.0);

    assertThat(a).containsExactly(
        false, false, false, false,
        false, true, true, false,
        false, true, true, false,
        false, false, false, false);
    assertThat(MaskIou.of(a, b)).isCloseTo(2.0 / 6, within(1e-7));
    // at half scale the 8 x 8 square (0,0)-(8,8) covers the 4 x 4 grid
    boolean[] half = MaskIou.rasterize(List.of(new double[] {0, 0, 8, 0, 8, 8, 0, 8}), 4, 4, 0.5);
    assertThat(half).containsOnly(true);
  }
}
