package dev.loupe.labeling.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeometryTest {
  @Test
  void dragging_a_corner_handle_resizes_and_past_the_other_side_flips() {
    // box from (0.2,0.2) to (0.4,0.6)
    double[] r = Geometry.resizeBox(0.3, 0.4, 0.2, 0.4, Geometry.SE, 0.5, 0.7);
    assertThat(r).containsExactly(new double[] {0.35, 0.45, 0.3, 0.5}, within(1e-12));
    r = Geometry.resizeBox(0.3, 0.4, 0.2, 0.4, Geometry.E, 0.1, 0.99);
    // right edge dragged left of the left edge: box 0.1..0.2, height untouched by an E handle
    assertThat(r).containsExactly(new double[] {0.15, 0.4, 0.1, 0.4}, within(1e-12));
  }

  @Test
  void moving_stops_at_the_image_edge() {
    Label moved = Geometry.translate(new BoxLabel(0, 0.9, 0.5, 0.1, 0.1), 0.5, -0.1);
    assertThat(((BoxLabel) moved).cx()).isCloseTo(0.95, within(1e-12));
    assertThat(((BoxLabel) moved).cy()).isCloseTo(0.4, within(1e-12));

    PolygonLabel p = new PolygonLabel(0, Coords.of(0.1, 0.1, 0.3, 0.1, 0.2, 0.3));
    PolygonLabel shifted = (PolygonLabel) Geometry.translate(p, -0.5, 0);
    assertThat(shifted.points().get(0)).isCloseTo(0.0, within(1e-12));
    assertThat(shifted.points().get(2)).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void polygon_vertices_can_be_added_moved_and_deleted_but_a_triangle_stays() {
    PolygonLabel tri = new PolygonLabel(0, Coords.of(0.1, 0.1, 0.5, 0.1, 0.3, 0.5));
    PolygonLabel quad = Geometry.insertVertex(tri, 0, 0.3, 0.05);
    assertThat(quad.points()).isEqualTo(Coords.of(0.1, 0.1, 0.3, 0.05, 0.5, 0.1, 0.3, 0.5));
    assertThat(Geometry.moveVertex(quad, 1, 0.3, -2).points().get(3)).isEqualTo(0.0);
    assertThat(Geometry.deleteVertex(quad, 1)).isEqualTo(tri);
    assertThat(Geometry.deleteVertex(tri, 0)).isSameAs(tri);
  }

  @Test
  void rotating_an_oriented_box_keeps_its_side_lengths_in_pixels_on_a_wide_image() {
    double w = 1920, h = 1080;
    ObbLabel box = Geometry.obbFromBox(0, 0.4, 0.4, 0.6, 0.5);
    ObbLabel turned = Geometry.rotate(box, Math.PI / 2, w, h);
    assertThat(side(turned, 0, w, h)).isCloseTo(side(box, 0, w, h), within(1e-6));
    assertThat(side(turned, 1, w, h)).isCloseTo(side(box, 1, w, h), within(1e-6));
    assertThat(Geometry.angle(turned, w, h)).isCloseTo(Math.PI / 2, within(1e-9));
    assertThat(Geometry.centre(turned)).containsExactly(Geometry.centre(box), within(1e-12));
  }

  @Test
  void resizing_an_oriented_box_keeps_the_opposite_corner_and_the_angle() {
    double w = 1000, h = 500;
    ObbLabel box = Geometry.rotate(Geometry.obbFromBox(0, 0.4, 0.4, 0.6, 0.6), Math.toRadians(30), w, h);
    for (int corner = 0; corner < 4; corner++) {
      int opposite = (corner + 2) % 4;
      ObbLabel resized = Geometry.resizeObb(box, corner, 0.5 + (corner % 3 == 0 ? -0.15 : 0.15),
          0.5 + (corner < 2 ? -0.15 : 0.15), w, h);
      assertThat(resized.corners().get(opposite * 2)).isCloseTo(box.corners().get(opposite * 2), within(1e-9));
      assertThat(resized.corners().get(opposite * 2 + 1)).isCloseTo(box.corners().get(opposite * 2 + 1), within(1e-9));
      // still a rectangle: the two edges at corner 0 are perpendicular in pixels
      double ax = (resized.corners().get(2) - resized.corners().get(0)) * w, ay = (resized.corners().get(3) - resized.corners().get(1)) * h;
      double bx = (resized.corners().get(6) - resized.corners().get(0)) * w, by = (resized.corners().get(7) - resized.corners().get(1)) * h;
      assertThat(ax * bx + ay * by).isCloseTo(0, within(1e-6));
    }
  }

  @Test
  void keypoint_visibility_cycles_visible_occluded_unlabeled() {
    PoseLabel p = new PoseLabel(0, 0.5, 0.5, 0.2, 0.2, Coords.of(0.45, 0.45, 2, 0.55, 0.55, 2), 3);
    PoseLabel once = Keypoints.cycleVisibility(p, 0);
    assertThat(Keypoints.visibility(once, 0)).isEqualTo(1);
    PoseLabel twice = Keypoints.cycleVisibility(once, 0);
    assertThat(Keypoints.visibility(twice, 0)).isZero();
    assertThat(twice.keypoints().get(0)).isZero();
    PoseLabel back = Keypoints.cycleVisibility(twice, 0);
    assertThat(Keypoints.visibility(back, 0)).isEqualTo(2);
    assertThat(Keypoints.x(back, 0)).isEqualTo(0.5); // brought back at the box centre
  }

  @Test
  void mirroring_a_pose_swaps_left_and_right_by_flip_idx() {
    // 3 points: nose (centre), left eye, right eye
    PoseLabel p = new PoseLabel(0, 0.5, 0.5, 0.4, 0.4,
        Coords.of(0.5, 0.4, 2, 0.45, 0.35, 2, 0.6, 0.35, 1), 3);
    PoseLabel flipped = Keypoints.flipHorizontally(p, List.of(0, 2, 1));
    assertThat(flipped.keypoints()).isEqualTo(Coords.of(0.5, 0.4, 2, 0.4, 0.35, 1, 0.55, 0.35, 2));
    assertThat(Keypoints.flipHorizontally(flipped, List.of(0, 2, 1)).keypoints().toArray())
        .containsExactly(p.keypoints().toArray(), within(1e-12));
  }

  @Test
  void bounds_of_a_pose_include_its_labeled_keypoints_only() {
    PoseLabel p = new PoseLabel(0, 0.5, 0.5, 0.2, 0.2, Coords.of(0.9, 0.5, 2, 0, 0, 0), 3);
    assertThat(Bounds.of(p)).containsExactly(new double[] {0.4, 0.4, 0.9, 0.6}, within(1e-12));
  }

  private static double side(ObbLabel o, int i, double w, double h) {
    Coords c = o.corners();
    int j = (i + 1) % 4;
    return Math.hypot((c.get(j * 2) - c.get(i * 2)) * w, (c.get(j * 2 + 1) - c.get(i * 2 + 1)) * h);
  }
}
