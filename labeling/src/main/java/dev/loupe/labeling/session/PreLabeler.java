package dev.loupe.labeling.session;

import dev.loupe.core.domain.Label;
import java.util.List;

/**
 * Proposes labels for an image (a detector run by the app). When the app sets one on the session,
 * the view offers "pre-label this image" and "pre-label all unlabeled"; the proposals arrive as an
 * ordinary edit the user can undo. Called on a background thread, never on the FX thread.
 */
@FunctionalInterface
public interface PreLabeler {
  /** Labels proposed for the image with this hash, in the dataset's classes and normalized geometry. */
  List<Label> predict(String hash) throws Exception;
}
