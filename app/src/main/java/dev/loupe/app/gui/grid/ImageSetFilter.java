package dev.loupe.app.gui.grid;

import java.util.Set;

/**
 * A filter of the dataset view to a chosen set of images (those behind a heatmap cell), named for the
 * filter chip that shows it and clears it.
 */
public record ImageSetFilter(String name, Set<String> hashes) {
  public ImageSetFilter {
    hashes = Set.copyOf(hashes);
  }
}
