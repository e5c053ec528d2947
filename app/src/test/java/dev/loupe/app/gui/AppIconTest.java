package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.image.Image;
import org.junit.jupiter.api.Test;

class AppIconTest {
  @Test
  void theJarCarriesTheIconAtEverySizeTheWindowOffers() {
    List<Image> images = Fx.call(AppIcon::images);
    assertThat(images).extracting(Image::getWidth).containsExactly(16.0, 32.0, 48.0, 64.0, 128.0, 256.0);
    assertThat(images).allSatisfy(i -> assertThat(i.isError()).isFalse());
  }
}
