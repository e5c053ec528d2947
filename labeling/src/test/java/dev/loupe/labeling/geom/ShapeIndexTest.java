package dev.loupe.labeling.geom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.PolygonLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapeIndexTest {
  @Test
  void queries_match_a_brute_force_scan_in_drawing_order() {
    Random random = new Random(42);
    List<Label> labels = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      double w = random.nextDouble() * (i % 50 == 0 ? 0.9 : 0.05), h = random.nextDouble() * 0.05;
      labels.add(new BoxLabel(i % 7, w / 2 + random.nextDouble() * (1 - w), h / 2 + random.nextDouble() * (1 - h), w, h));
    }
    labels.add(new ClassLabel(1));
    ShapeIndex index = new ShapeIndex(labels);
    for (int q = 0; q < 200; q++) {
      double x0 = random.nextDouble() * 1.2 - 0.1, y0 = random.nextDouble() * 1.2 - 0.1;
      double x1 = x0 + random.nextDouble() * 0.3, y1 = y0 + random.nextDouble() * 0.3;
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < labels.size(); i++) {
        double[] b = Bounds.of(labels.get(i));
        if (b == null) {
          b = new double[] {0, 0, 1, 1};
        }
        if (b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0) {
          expected.add(i);
        }
      }
      assertThat(index.query(x0, y0, x1, y1)).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
    }
  }

  @Test
  void the_smallest_label_under_the_pointer_is_picked_and_tolerance_is_in_view_pixels() {
    List<Label> labels = List.of(
        new BoxLabel(0, 0.5, 0.5, 0.8, 0.8),
        new BoxLabel(1, 0.5, 0.5, 0.1, 0.1),
        new PolygonLabel(2, Coords.of(0.1, 0.1, 0.2, 0.1, 0.1, 0.2)));
    ShapeIndex index = new ShapeIndex(labels);
    Viewport vp = new Viewport(1000, 1000, 1, 0, 0);
    assertThat(HitTest.pick(labels, index, vp, 500, 500, 4, i -> false)).isEqualTo(1);
    assertThat(HitTest.pick(labels, index, vp, 500, 500, 4, i -> i == 1)).isEqualTo(0);
    assertThat(HitTest.pick(labels, index, vp, 120, 120, 4, i -> false)).isEqualTo(2); // inside the triangle
    // just outside the triangle's hypotenuse: hit within 4 px, missed at 1 px
    assertThat(HitTest.pick(labels, index, vp, 152, 152, 4, i -> false)).isEqualTo(2); // 2.8 px off the edge
    assertThat(HitTest.pick(labels, index, vp, 152, 152, 1, i -> i == 0)).isEqualTo(-1);
    Viewport zoomedOut = new Viewport(1000, 1000, 0.1, 0, 0);
    assertThat(HitTest.pick(labels, index, zoomedOut, 95.5, 95.5, 1, i -> false)).isEqualTo(-1);
  }
}
