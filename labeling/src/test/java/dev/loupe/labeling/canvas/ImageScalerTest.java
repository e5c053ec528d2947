package dev.loupe.labeling.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class ImageScalerTest {
  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  static WritableImage image(int w, int h, int[] argb) {
    WritableImage image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return image;
  }

  static int[] pixels(Image image) {
    int w = (int) image.getWidth(), h = (int) image.getHeight();
    int[] out = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }

  @Test
  void each_target_pixel_is_the_mean_of_the_pixels_it_covers() {
    // 4x2 -> 2x1: left block (black, white, black, white) and right block (four 0x204060)
    int k = 0xff000000, wh = 0xffffffff, c = 0xff204060;
    Image source = image(4, 2, new int[] {k, wh, c, c, wh, k, c, c});
    Image half = ImageScaler.areaAverage(source, 2, 1);
    assertThat(half.getWidth()).isEqualTo(2);
    assertThat(pixels(half)).containsExactly(0xff7f7f7f, c); // (0+255+255+0)/4 = 127
  }

  @Test
  void uneven_factors_cover_every_source_pixel_once() {
    int[] src = new int[5 * 3];
    java.util.Arrays.fill(src, 0xff646464); // 100 grey
    src[4] = 0xffc8c8c8; // one 200 grey at the right edge of the first row
    Image scaled = ImageScaler.areaAverage(image(5, 3, src), 2, 1);
    // columns 0-1 -> target 0, columns 2-4 -> target 1; rows 0-2 -> the one row
    assertThat(pixels(scaled)[0]).isEqualTo(0xff646464);
    int right = (100 * 8 + 200) / 9; // 111
    assertThat(pixels(scaled)[1]).isEqualTo(0xff000000 | right << 16 | right << 8 | right);
    assertThat(ImageScaler.fittedSize(1920, 1080, 1600, 900)).containsExactly(1600, 900);
    assertThat(ImageScaler.fittedSize(4000, 3000, 1600, 900)).containsExactly(1200, 900);
  }
}
