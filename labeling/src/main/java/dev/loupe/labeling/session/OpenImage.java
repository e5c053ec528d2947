package dev.loupe.labeling.session;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.labeling.model.History;
import dev.loupe.labeling.model.LabelDocument;

/**
 * The image on screen: its record, its decoded pixels (null when they could not be read: {@code
 * error} says why) and its labels with their undo history.
 */
public record OpenImage(
    int index, ImageRecord record, LoadedImage image, String error, LabelDocument document, History history) {
  public String hash() {
    return record.hash();
  }
}
