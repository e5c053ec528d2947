package dev.loupe.labeling.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The outline simplification the renderer applies in view pixels before stroking. */
class ShapeRendererTest {
  private static double[] kept(double[] xy, double minStep) {
    double[] copy = xy.clone();
    int n = ShapeRenderer.visibleSteps(copy, xy.length / 2, minStep);
    return Arrays.copyOf(copy, 2 * n);
  }

  @Test
  void stepsShorterThanAPixelAreLeftOutMeasuredFromTheLastPointKept() {
    // a traced edge with a vertex every 0.4 px along x, then a turn down
    double[] xy = {0, 0, 0.4, 0, 0.8, 0, 1.2, 0, 1.6, 0, 2.0, 0, 2.0, 0.5, 2.0, 5, 0, 5};
    assertThat(kept(xy, 1)).containsExactly(0, 0, 1.2, 0, 2.0, 5, 0, 5);
  }

  @Test
  void outlinesWithLongStepsAreKeptWhole() {
    double[] square = {10, 10, 50, 10, 50, 50, 10, 50};
    assertThat(kept(square, 1)).containsExactly(square);
    double[] diagonalSteps = {0, 0, 0.9, 1.0, 1.8, 2.0};
    assertThat(kept(diagonalSteps, 1)).containsExactly(diagonalSteps);
  }

  @Test
  void anOutlineSmallerThanAPixelKeepsItsFirstAndFarthestPointSoItStillShows() {
    assertThat(kept(new double[] {5, 5, 5.3, 5.1, 5.2, 5.6}, 1)).containsExactly(5, 5, 5.2, 5.6);
    // closed by repeating its first vertex: the last point would make a path of no length
    assertThat(kept(new double[] {5, 5, 5.6, 5.3, 5.1, 5.2, 5, 5}, 1)).containsExactly(5, 5, 5.6, 5.3);
    assertThat(kept(new double[] {7, 7}, 1)).containsExactly(7, 7);
  }
}
