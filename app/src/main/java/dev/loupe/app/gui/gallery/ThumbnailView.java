package dev.loupe.app.gui.gallery;

import dev.loupe.app.gui.grid.ThumbnailCache;
import javafx.scene.image.ImageView;

/**
 * A thumbnail of one image from the app's {@link ThumbnailCache}: shown at once when cached, else
 * when decoded (if the view still shows that image; cells are reused as lists scroll).
 */
public final class ThumbnailView extends ImageView {
  private final ThumbnailCache cache;
  private String hash;

  public ThumbnailView(ThumbnailCache cache, double size) {
    this.cache = cache;
    setFitWidth(size);
    setFitHeight(size);
    setPreserveRatio(true);
    setSmooth(true);
  }

  /** Shows the thumbnail of {@code value} (null: none). */
  public void show(String value) {
    hash = value;
    if (value == null) {
      setImage(null);
      return;
    }
    setImage(cache.cached(value));
    if (getImage() == null) {
      cache.request(value, () -> {
        if (value.equals(hash)) {
          setImage(cache.cached(value));
        }
      });
    }
  }
}
