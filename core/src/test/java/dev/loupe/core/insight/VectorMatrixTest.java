package dev.loupe.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorMatrixTest {
  private final VectorMatrix matrix =
      new VectorMatrix(
          List.of(
              new float[] {1, 0, 0, 0, 0},
              new float[] {2, 2, 0, 0, 0}, // 45 degrees from row 0: distance 1 - cos 45
              new float[] {0, 3, 0, 0, 0}, // orthogonal: 1
              new float[] {-1, 0, 0, 0, 0}, // opposite: 2
              new float[] {5, 0.1f, 0, 0, 0},
              new float[] {0, 0, 0, 0, 0}), // a zero vector: 1 from everything
          5);

  @Test
  void nearestRowsComeNearestFirstWithoutTheQuery() {
    List<VectorMatrix.Neighbour> near = matrix.nearest(0, 10);
    assertThat(near).extracting(VectorMatrix.Neighbour::index).containsExactly(4, 1, 2, 5, 3);
    assertThat(near.get(1).distance()).isCloseTo(1 - Math.sqrt(0.5), within(1e-6));
    assertThat(near.get(2).distance()).isCloseTo(1, within(1e-6));
    assertThat(near.get(3).distance()).isCloseTo(1, within(1e-6));
    assertThat(near.get(4).distance()).isCloseTo(2, within(1e-6));
  }

  @Test
  void kLimitsTheAnswer() {
    assertThat(matrix.nearest(3, 2)).extracting(VectorMatrix.Neighbour::index).containsExactly(2, 5);
    assertThatThrownBy(() -> matrix.nearest(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VectorMatrix(List.of(new float[3]), 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
