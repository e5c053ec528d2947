package dev.loupe.labeling.model;

import dev.loupe.core.domain.Label;

/**
 * One label of the image being edited, with an id that stays the same while it is moved, resized or
 * re-classed (labels are values, so two equal boxes still are two shapes).
 */
public record Shape(long id, Label label) {
  public Shape withLabel(Label newLabel) {
    return new Shape(id, newLabel);
  }
}
