package dev.loupe.core.workspace;

import java.util.Set;

/**
 * The images of a dataset having at least one label in a heatmap cell, and how many labels fall in
 * it (the cell's count in the class statistics).
 */
public record CellImages(HeatmapCell cell, Set<String> hashes, long labels) {
  public CellImages {
    hashes = Set.copyOf(hashes);
  }
}
