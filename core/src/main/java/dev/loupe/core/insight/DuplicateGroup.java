package dev.loupe.core.insight;

import java.util.List;

/**
 * Images that are copies of each other: {@code EXACT} (identical pixels) or {@code NEAR} (resized,
 * re-encoded or slightly cropped copies). {@code crossSplit} flags a leak: the group spans splits.
 */
public record DuplicateGroup(Kind kind, boolean crossSplit, List<DuplicateImage> images) {
  public enum Kind {
    EXACT,
    NEAR;

    public String apiName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public DuplicateGroup {
    images = List.copyOf(images);
  }
}
