package dev.loupe.app.gui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * Loupe's application icon in the sizes window managers ask for, made from {@code icons/loupe.svg}
 * (the build copies the PNGs into the jar).
 */
public final class AppIcon {
  static final int[] SIZES = {16, 32, 48, 64, 128, 256};

  private AppIcon() {}

  /** The icon at every size, smallest first: for {@code Stage.getIcons()}. */
  public static List<Image> images() {
    List<Image> images = new ArrayList<>();
    for (int size : SIZES) {
      String name = "/dev/loupe/app/icons/loupe-" + size + ".png";
      try (InputStream in = AppIcon.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException(name + " is not in the jar: the build copies it from icons/");
        }
        images.add(new Image(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return images;
  }
}
