package dev.loupe.core.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KnnPurityTest {
  @Test
  void countsTheShareOfNeighboursWithTheSameLabel() {
    // two pairs far apart; with k = 2 each point's neighbours are its partner and one of the others
    Layout layout = new Layout(new float[] {0, 1, 10, 11}, new float[4]);

    assertThat(KnnPurity.of(layout, new int[] {0, 0, 1, 1}, 1)).isEqualTo(1.0);
    assertThat(KnnPurity.of(layout, new int[] {0, 0, 1, 1}, 2)).isCloseTo(0.5, within(1e-12));
    assertThat(KnnPurity.of(layout, new int[] {0, 1, 0, 1}, 1)).isEqualTo(0.0);
  }
}
