package dev.loupe.labeling.session;

import javafx.scene.image.Image;

/**
 * A decoded image ready to show.
 *
 * @param width the image's width in its own pixels after EXIF orientation (the label space); the
 *     decoded {@code image} may be smaller when it was read reduced to the screen
 * @param reduced true when {@code image} holds fewer pixels than the file (full resolution is read on
 *     zoom)
 * @param fitted a copy scaled to fit the view it was loaded for (made on the loader thread so the
 *     first frame draws it 1:1), or null
 */
public record LoadedImage(String hash, Image image, int width, int height, boolean reduced, Image fitted) {
  public LoadedImage withoutFitted() {
    return new LoadedImage(hash, image, width, height, reduced, null);
  }
}
