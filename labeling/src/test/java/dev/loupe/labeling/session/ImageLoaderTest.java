package dev.loupe.labeling.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.labeling.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class ImageLoaderTest {
  @TempDir Path tmp;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  private static int[] pixels(Image image) {
    int w = (int) image.getWidth(), h = (int) image.getHeight();
    int[] out = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }

  /** Opaque pixels (transparent ones lose their colour when stored). */
  private static int[] opaque(int... values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = 0xff000000 | values[i] * 20;
    }
    return out;
  }

  @Test
  void exif_orientations_turn_and_mirror_the_pixels() {
    // stored 3x2: 1 2 3 / 4 5 6
    WritableImage stored = new WritableImage(3, 2);
    stored.getPixelWriter().setPixels(0, 0, 3, 2, PixelFormat.getIntArgbInstance(), opaque(1, 2, 3, 4, 5, 6), 0, 3);
    Image turnedRight = ImageLoader.orient(stored, 6); // shown rotated 90 degrees clockwise
    assertThat(turnedRight.getWidth()).isEqualTo(2);
    assertThat(pixels(turnedRight)).containsExactly(opaque(4, 1, 5, 2, 6, 3));
    assertThat(pixels(ImageLoader.orient(stored, 8))).containsExactly(opaque(3, 6, 2, 5, 1, 4));
    assertThat(pixels(ImageLoader.orient(stored, 3))).containsExactly(opaque(6, 5, 4, 3, 2, 1));
    assertThat(pixels(ImageLoader.orient(stored, 2))).containsExactly(opaque(3, 2, 1, 6, 5, 4));
  }

  @Test
  void an_image_is_decoded_whole_with_a_copy_fitted_to_the_view() throws Exception {
    Path file = tmp.resolve("a.png");
    Files.write(file, TestImages.picture(640, 480, 3, "png"));
    LoadedImage loaded = new ImageLoader(2560, 1600).load("h", file, 320, 320);
    assertThat(loaded.width()).isEqualTo(640);
    assertThat(loaded.image().getWidth()).isEqualTo(640);
    assertThat(loaded.reduced()).isFalse();
    assertThat(loaded.fitted().getWidth()).isEqualTo(320);
    assertThat(loaded.fitted().getHeight()).isEqualTo(240);
  }

  @Test
  void a_file_that_is_not_an_image_gives_a_clear_error() throws Exception {
    Path file = tmp.resolve("notes.jpg");
    Files.writeString(file, "not a picture at all");
    assertThatThrownBy(() -> new ImageLoader(100, 100).load("h", file))
        .hasMessageContaining("notes.jpg");
  }
}
