package dev.loupe.core.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cases of scikit-learn's test_trustworthiness. */
class TrustworthinessTest {
  @Test
  void isOneForAnAffineCopy() {
    Random random = new Random(0);
    float[][] x = new float[100][2];
    float[] ex = new float[100];
    float[] ey = new float[100];
    for (int i = 0; i < 100; i++) {
      x[i][0] = (float) random.nextGaussian();
      x[i][1] = (float) random.nextGaussian();
      ex[i] = 5 + x[i][0] / 10;
      ey[i] = 5 + x[i][1] / 10;
    }
    assertThat(Trustworthiness.of(x, new Layout(ex, ey), 5)).isEqualTo(1.0);
  }

  @Test
  void isLowForAShuffledLine() {
    float[][] x = new float[100][1];
    float[] ex = new float[100];
    for (int i = 0; i < 100; i++) {
      x[i][0] = i;
      ex[i] = i;
    }
    Random random = new Random(0);
    for (int i = 99; i > 0; i--) {
      int j = random.nextInt(i + 1);
      float t = ex[i];
      ex[i] = ex[j];
      ex[j] = t;
    }
    assertThat(Trustworthiness.of(x, new Layout(ex, new float[100]), 5)).isLessThan(0.6);
  }

  @Test
  void matchesAHandComputedCase() {
    // points 0..4 on a line laid out at 0, 2, 4, 1, 3: penalties 2 + 2 + 3 + 3 + 2 = 12 of 15
    float[][] x = {{0}, {1}, {2}, {3}, {4}};
    Layout layout = new Layout(new float[] {0, 2, 4, 1, 3}, new float[5]);

    assertThat(Trustworthiness.of(x, layout, 1)).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void aSampleOfAllPointsIsTheWhole() {
    float[][] x = {{0}, {1}, {2}, {3}, {4}};
    Layout layout = new Layout(new float[] {0, 2, 4, 1, 3}, new float[5]);

    assertThat(Trustworthiness.sampled(x, layout, 1, 5, 1)).isEqualTo(Trustworthiness.of(x, layout, 1));
  }
}
