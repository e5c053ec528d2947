package dev.loupe.labeling.session;

import java.util.List;

/**
 * Proposes labels for an image (a detector run by the app). When the app sets one on the session,
 * the view offers "pre-label this image" and "pre-label all unlabeled"; the proposals arrive as one
 * undoable edit, drawn apart from the other labels with their confidence until they are accepted or
 * rejected ({@link dev.loupe.labeling.model.Review}). Called on a background thread, never on the FX
 * thread.
 */
@FunctionalInterface
public interface PreLabeler {
  /** Labels proposed for the image with this hash, in the dataset's classes and normalized geometry. */
  List<Proposal> predict(String hash) throws Exception;
}
