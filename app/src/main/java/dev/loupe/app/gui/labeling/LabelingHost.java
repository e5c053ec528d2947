package dev.loupe.app.gui.labeling;

import dev.loupe.core.domain.Dataset;
import java.util.List;
import javafx.scene.Node;

/**
 * What the main window's labeling area shows. The labeling module's canvas plugs in here
 * ({@code new LabelingView(LabelingSession)}); until it is wired, {@link PreviewLabelingHost} shows
 * the image and its labels.
 */
@FunctionalInterface
public interface LabelingHost {
  /**
   * The node for labeling {@code orderedHashes.get(startIndex)} of {@code dataset}; next and previous
   * follow {@code orderedHashes} (the grid's order; a lazy list that fetches as it is read).
   */
  Node open(Dataset dataset, List<String> orderedHashes, int startIndex);

  /** The image shown now as a "find similar" request, or null (a host that does not know). */
  default dev.loupe.app.gui.similar.SimilarRequest currentImage() {
    return null;
  }

  /** The window's keymap (one for the whole window: the labeling view and the grid use it). */
  default dev.loupe.labeling.keys.Keymap keymap() {
    return new dev.loupe.labeling.keys.Keymap(dev.loupe.labeling.keys.Keymap.Preset.DEFAULT);
  }

  /**
   * Remembers predictions an auto-annotation run wrote, to be reviewed, and returns the images in the
   * order the review walks them (least confident first); a host without review returns none.
   */
  default List<String> addToReview(Dataset dataset, java.util.Map<String, List<dev.loupe.labeling.session.Proposal>> written) {
    return List.of();
  }

  /** Where the host's "Find similar" button goes; a host without one ignores it. */
  default void setOnFindSimilar(java.util.function.Consumer<dev.loupe.app.gui.similar.SimilarRequest> value) {}
}
