package dev.loupe.core.map;

/**
 * How {@link MapLayouter} lays vectors out in 2-D.
 *
 * @param neighbours UMAP's n_neighbors (15 by default)
 * @param minDist UMAP's min_dist (0.1 by default)
 * @param epochs SGD epochs; 0 picks by size as umap-learn does (500 below 10,000 points, else 200)
 * @param seed the layout is the same for the same vectors and seed
 * @param pcaDimensions vectors wider than this are first reduced by PCA to it (0: never)
 * @param workers threads for neighbours and layout (at least 1)
 */
public record LayoutOptions(int neighbours, double minDist, int epochs, long seed, int pcaDimensions, int workers) {
  public LayoutOptions {
    if (neighbours < 2) {
      throw new IllegalArgumentException("neighbours must be at least 2, was " + neighbours);
    }
    if (minDist < 0) {
      throw new IllegalArgumentException("minDist must not be negative, was " + minDist);
    }
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must not be negative, was " + epochs);
    }
    if (pcaDimensions < 0) {
      throw new IllegalArgumentException("pcaDimensions must not be negative, was " + pcaDimensions);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, was " + workers);
    }
  }

  public static LayoutOptions defaults(long seed) {
    return new LayoutOptions(15, 0.1, 0, seed, 50, Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  public LayoutOptions withWorkers(int n) {
    return new LayoutOptions(neighbours, minDist, epochs, seed, pcaDimensions, n);
  }
}
