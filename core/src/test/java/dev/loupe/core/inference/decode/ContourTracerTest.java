package dev.loupe.core.inference.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContourTracerTest {
  /** Rows of '#' (object) and '.' (background). */
  static List<int[]> trace(String... rows) {
    int w = rows[0].length();
    boolean[] mask = new boolean[w * rows.length];
    for (int y = 0; y < rows.length; y++) {
      for (int x = 0; x < w; x++) {
        mask[y * w + x] = rows[y].charAt(x) == '#';
      }
    }
    return ContourTracer.outerContours(mask, w, rows.length);
  }

  @Test
  void aRectangleGivesItsFourCornersDownTheLeftSideFirst() {
    List<int[]> contours = trace("....", ".###", ".###", "....");

    assertThat(contours).hasSize(1);
    assertThat(contours.get(0)).containsExactly(1, 1, 1, 2, 3, 2, 3, 1);
  }

  @Test
  void objectsTouchingTheEdgeAndSinglePixels() {
    List<int[]> contours = trace("##..", "##.#");

    assertThat(contours).hasSize(2);
    assertThat(contours.get(0)).containsExactly(0, 0, 0, 1, 1, 1, 1, 0);
    assertThat(contours.get(1)).containsExactly(3, 1);
  }

  @Test
  void anLShapeKeepsOnlyTheTurningPixels() {
    List<int[]> contours = trace("#..", "#..", "###");

    assertThat(contours.get(0)).containsExactly(0, 0, 0, 2, 2, 2, 1, 2, 0, 1);
  }

  @Test
  void diagonalNeighboursAreOneObject() {
    List<int[]> contours = trace("#..", ".#.", "..#");

    assertThat(contours).hasSize(1);
    assertThat(contours.get(0)).containsExactly(0, 0, 2, 2); // there and back: the turns only
  }

  @Test
  void holesAndObjectsInsideHolesAreLeftOut() {
    List<int[]> contours =
        trace(
            "#######",
            "#.....#",
            "#.###.#",
            "#.#.#.#",
            "#.###.#",
            "#.....#",
            "#######",
            ".......",
            "##.....");

    assertThat(contours).hasSize(2);
    assertThat(contours.get(0)).containsExactly(0, 0, 0, 6, 6, 6, 6, 0);
    assertThat(contours.get(1)).containsExactly(0, 8, 1, 8);
  }
}
