package dev.loupe.core.inference.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.metrics.ProbIou;
import org.junit.jupiter.api.Test;

class SuppressionTest {
  @Test
  void boxNmsDropsOverlapsAboveTheThresholdOnlyAndKeepsScoreOrder() {
    // IoU of 0 and 1: 50 / 150 = 1/3; of 0 and 2: 0; of 1 and 2: 25 / 175 = 1/7
    double[] boxes = {0, 0, 10, 10, 5, 0, 15, 10, 10, 5, 20, 15};
    double[] scores = {0.5, 0.9, 0.7};

    assertThat(BoxNms.run(boxes, scores, 3, 0.3, 300)).containsExactly(1, 2);
    assertThat(BoxNms.run(boxes, scores, 3, 1.0 / 3, 300)).containsExactly(1, 2, 0); // not above
    assertThat(BoxNms.run(boxes, scores, 3, 0.1, 300)).containsExactly(1);
    assertThat(BoxNms.run(boxes, scores, 3, 0.5, 2)).containsExactly(1, 2);
  }

  @Test
  void boxNmsIsGreedyASuppressedBoxSuppressesNothing() {
    // 0 suppresses 1 (IoU 0.6), 1 would suppress 2 (IoU 0.6), 0 and 2 overlap by 1/4
    double[] boxes = {0, 0, 10, 10, 2.5, 0, 12.5, 10, 5, 0, 15, 10};
    double[] scores = {0.9, 0.8, 0.7};

    assertThat(BoxNms.run(boxes, scores, 3, 0.5, 300)).containsExactly(0, 2);
  }

  @Test
  void probIouOfIdenticalAndShiftedSquares() {
    double[] a = {0, 0, 10, 10, 0};
    // identical: the distance is clamped to eps, 1 - sqrt(1 - exp(-1e-7) + 1e-7)
    assertThat(ProbIou.of(a, a)).isCloseTo(1 - Math.sqrt(1 - Math.exp(-1e-7) + 1e-7), within(1e-9));
    // shifted by 3 along x: Bhattacharyya distance 3^2 / (8 * 100/12) = 0.135
    double[] b = {3, 0, 10, 10, 0};
    assertThat(ProbIou.of(a, b)).isCloseTo(1 - Math.sqrt(1 - Math.exp(-0.135) + 1e-7), within(1e-6));
    assertThat(ProbIou.of(b, a)).isCloseTo(ProbIou.of(a, b), within(1e-12));
    // a turned copy of a rectangle is the same Gaussian
    assertThat(ProbIou.of(new double[] {0, 0, 40, 20, 0.3}, new double[] {0, 0, 20, 40, 0.3 - Math.PI / 2}))
        .isCloseTo(ProbIou.of(new double[] {0, 0, 40, 20, 0.3}, new double[] {0, 0, 40, 20, 0.3}), within(1e-9));
  }

  @Test
  void rotatedNmsIsFastNmsASuppressedBoxStillSuppresses() {
    // squares of 10 at x = 0, 3, 6: neighbours have probiou 0.645, the outer pair 0.354
    double[] boxes = {0, 0, 10, 10, 0, 3, 0, 10, 10, 0, 6, 0, 10, 10, 0};
    double[] scores = {0.9, 0.8, 0.7};

    assertThat(RotatedNms.run(boxes, scores, 3, 0.5, 300)).containsExactly(0);
    assertThat(RotatedNms.run(boxes, scores, 3, 0.7, 300)).containsExactly(0, 1, 2);
    assertThat(RotatedNms.run(boxes, scores, 3, 0.7, 2)).containsExactly(0, 1);
  }
}
