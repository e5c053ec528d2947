package dev.loupe.core.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.inference.BgrImage;
import dev.loupe.core.inference.ImageDecoding;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class BuiltinDescriptorTest {
  private static BgrImage bgr(BufferedImage image) {
    return ImageDecoding.toBgr(image);
  }

  private static double cosine(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void theSamePixelsGiveTheSameUnitVector() {
    BufferedImage picture = SyntheticImages.picture(3, 200, 150);
    float[] first = BuiltinDescriptor.describe(bgr(picture));
    float[] second = BuiltinDescriptor.describe(bgr(SyntheticImages.picture(3, 200, 150)));
    assertThat(first).hasSize(BuiltinDescriptor.DIMENSION).containsExactly(second);
    assertThat(cosine(first, first)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void aResizedCopyIsNearerThanAnotherPicture() {
    BufferedImage picture = SyntheticImages.picture(3, 320, 240);
    float[] original = BuiltinDescriptor.describe(bgr(picture));
    float[] resized = BuiltinDescriptor.describe(bgr(SyntheticImages.resized(picture, 0.5)));
    float[] other = BuiltinDescriptor.describe(bgr(SyntheticImages.picture(4, 320, 240)));
    assertThat(cosine(original, resized)).isGreaterThan(0.97).isGreaterThan(cosine(original, other));
  }

  @Test
  void aFlatPictureAndATinyOneStillGiveUnitVectors() {
    float[] flat = BuiltinDescriptor.describe(BgrImage.filled(50, 40, 10, 20, 30));
    float[] tiny = BuiltinDescriptor.describe(BgrImage.filled(3, 2, 200, 100, 0));
    assertThat(cosine(flat, flat)).isCloseTo(1.0, within(1e-5));
    assertThat(cosine(tiny, tiny)).isCloseTo(1.0, within(1e-5));
  }
}
