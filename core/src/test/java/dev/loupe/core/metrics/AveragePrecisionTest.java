package dev.loupe.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * AP by hand: the curve gets the sentinels (0, 1) and (1, 0), the envelope, and is sampled at 101
 * recalls; at recall 1 numpy's interp takes the last sentinel, 0, so a perfect curve scores 0.995
 * (as Ultralytics reports it).
 */
class AveragePrecisionTest {
  static final int ALL = (1 << 10) - 1;

  @Test
  void perfectPredictionsScore0995() {
    assertThat(AveragePrecision.compute(new double[] {0.5, 1}, new double[] {1, 1})).isCloseTo(0.995, within(1e-12));

    AveragePrecision.PerClass result =
        AveragePrecision.perClass(new int[] {ALL, ALL}, new double[] {0.9, 0.8}, new int[] {0, 0}, new int[] {0, 0}, 10);
    assertThat(result.ap()[0]).containsOnly(0.995);
    assertThat(result.precision()[0]).isEqualTo(1.0);
    assertThat(result.recall()[0]).isEqualTo(1.0);
  }

  /** A false positive above the only true one: precision 0 then 0.5, envelope 0.5 up to recall 1. */
  @Test
  void oneFalsePositiveAboveOneTruePositive() {
    AveragePrecision.PerClass result =
        AveragePrecision.perClass(new int[] {0, ALL}, new double[] {0.9, 0.8}, new int[] {0, 0}, new int[] {0}, 10);

    // 99 intervals at 0.5 and a last one falling to 0: 0.495 + 0.0025
    assertThat(result.ap()[0][0]).isCloseTo(0.4975, within(1e-12));
    assertThat(result.precision()[0]).isCloseTo(0.5, within(1e-12));
    assertThat(result.recall()[0]).isCloseTo(1.0, within(1e-12));
  }

  /**
   * Two truths; a true positive (0.9), a false one (0.8), a true one (0.7): recall .5 .5 1, precision
   * 1 .5 2/3; the envelope is 1 up to recall .5 and 2/3 after. Sampled: 1 at 0..0.49, 2/3 at
   * 0.50..0.99, 0 at 1: 0.49 + (1 + 2/3) / 200 + 0.49 * 2/3 + (2/3) / 200. Best F1 (0.8) holds for
   * confidences up to 0.7, where P = 2/3 and R = 1.
   */
  @Test
  void threePredictionsByHand() {
    AveragePrecision.PerClass result =
        AveragePrecision.perClass(
            new int[] {0, ALL, ALL}, new double[] {0.8, 0.9, 0.7}, new int[] {0, 0, 0}, new int[] {0, 0}, 10);

    double expected = 0.49 + (1 + 2.0 / 3) / 200 + 0.49 * 2 / 3 + (2.0 / 3) / 200;
    assertThat(result.ap()[0][0]).isCloseTo(expected, within(1e-12));
    assertThat(result.ap()[0][0]).isCloseTo(0.828333, within(1e-6));
    assertThat(result.precision()[0]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(result.recall()[0]).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aClassWithTruthsButNoPredictionsScoresZeroAndPredictedClassesWithoutTruthsAreLeftOut() {
    AveragePrecision.PerClass result =
        AveragePrecision.perClass(new int[] {ALL, 0}, new double[] {0.9, 0.8}, new int[] {0, 2}, new int[] {0, 1}, 10);

    assertThat(result.classes()).containsExactly(0, 1);
    assertThat(result.ap()[0][0]).isCloseTo(0.995, within(1e-12));
    assertThat(result.ap()[1]).containsOnly(0.0);
    assertThat(result.precision()).containsExactly(1.0, 0.0);
  }

  @Test
  void interpFollowsNumpyAtRepeatsAndEnds() {
    double[] xp = {0, 0.5, 0.5, 1, 1};
    double[] fp = {1, 1, 0.6, 0.6, 0};
    assertThat(AveragePrecision.interp(0.5, xp, fp, 9, 9)).isEqualTo(0.6); // the last of the repeats
    assertThat(AveragePrecision.interp(1.0, xp, fp, 9, 9)).isEqualTo(0.0);
    assertThat(AveragePrecision.interp(0.25, xp, fp, 9, 9)).isEqualTo(1.0);
    assertThat(AveragePrecision.interp(-1, xp, fp, 7, 9)).isEqualTo(7);
    assertThat(AveragePrecision.interp(2, xp, fp, 7, 9)).isEqualTo(9);
  }

  @Test
  void smoothIsABoxFilterPaddedWithTheEnds() {
    // 20 values, f 0.1: round(4) // 2 + 1 = 3 elements, the ends repeated once
    double[] y = new double[20];
    y[19] = 9;
    double[] smoothed = AveragePrecision.smooth(y, 0.1);
    assertThat(smoothed[19]).isCloseTo(6.0, within(1e-12)); // (0 + 9 + 9) / 3
    assertThat(smoothed[18]).isCloseTo(3.0, within(1e-12));
    assertThat(smoothed[17]).isEqualTo(0.0);
  }
}
