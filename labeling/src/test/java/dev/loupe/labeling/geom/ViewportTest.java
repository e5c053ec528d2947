package dev.loupe.labeling.geom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {
  @Test
  void fit_centres_the_whole_image() {
    Viewport vp = Viewport.fit(1920, 1080, 960, 800);
    assertThat(vp.zoom()).isEqualTo(0.5);
    assertThat(vp.viewX(0)).isEqualTo(0);
    assertThat(vp.viewY(0)).isEqualTo(130); // (800 - 540) / 2
    assertThat(vp.viewX(1)).isEqualTo(960);
  }

  @Test
  void zooming_keeps_the_point_under_the_cursor_in_place() {
    Viewport vp = Viewport.fit(1920, 1080, 960, 800);
    double nx = vp.normX(300), ny = vp.normY(200);
    Viewport zoomed = vp.zoomAt(3, 300, 200);
    assertThat(zoomed.zoom()).isEqualTo(1.5);
    assertThat(zoomed.viewX(nx)).isCloseTo(300, within(1e-9));
    assertThat(zoomed.viewY(ny)).isCloseTo(200, within(1e-9));
  }

  @Test
  void conversions_round_trip_and_lengths_follow_the_zoom() {
    Viewport vp = new Viewport(640, 480, 2.5, -100, 40);
    assertThat(vp.normX(vp.viewX(0.37))).isCloseTo(0.37, within(1e-12));
    assertThat(vp.normY(vp.viewY(0.81))).isCloseTo(0.81, within(1e-12));
    assertThat(vp.normWidth(16)).isCloseTo(0.01, within(1e-12)); // 16 view px = 6.4 image px of 640
    assertThat(vp.panBy(10, -5).viewX(0)).isEqualTo(-90);
    assertThat(new Viewport(10, 10, 1e9, 0, 0).zoom()).isEqualTo(Viewport.MAX_ZOOM);
  }

  @Test
  void actual_size_shows_one_image_pixel_per_view_pixel() {
    Viewport vp = Viewport.actualSize(1000, 500, 800, 600);
    assertThat(vp.zoom()).isEqualTo(1);
    assertThat(vp.viewX(0.5)).isEqualTo(400);
    assertThat(vp.viewY(0.5)).isEqualTo(300);
  }
}
