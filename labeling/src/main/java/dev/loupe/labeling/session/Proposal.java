package dev.loupe.labeling.session;

import dev.loupe.core.domain.Label;

/** A label a model proposes, with the model's confidence in it (0..1). */
public record Proposal(Label label, double confidence) {
  public Proposal {
    if (label == null) {
      throw new IllegalArgumentException("a proposal needs a label");
    }
  }
}
