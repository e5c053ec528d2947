package dev.loupe.core.map;

import dev.loupe.core.task.TaskMonitor;

/**
 * UMAP over approximate nearest neighbours: every point placed, components side by side. Vectors
 * wider than {@link LayoutOptions#pcaDimensions()} are first reduced by PCA; neighbours come from
 * NN-descent ({@link NnDescent}); the fuzzy simplicial set, curve and SGD follow umap-learn
 * ({@link FuzzyGraph}, {@link CurveFit}, {@link LayoutOptimizer}) from a PCA start
 * ({@link InitialLayout}); disconnected components are laid out apart and packed
 * ({@link ComponentPacking}). Every step is fixed by the seed and none depends on the worker count.
 * See docs/adr/0011-umap-layout.md.
 */
public final class Umap implements MapLayouter {
  /** umap-learn's spread. */
  private static final double SPREAD = 1.0;

  @Override
  public Layout layout(float[][] vectors, LayoutOptions options, TaskMonitor monitor) {
    int n = vectors.length;
    if (n < options.neighbours() + 1) {
      throw new IllegalArgumentException("a map of " + options.neighbours() + " neighbours needs at least "
          + (options.neighbours() + 1) + " vectors, got " + n);
    }
    Vectors input = Vectors.of(vectors);
    int epochs = options.epochs() > 0 ? options.epochs() : (n <= 10_000 ? 500 : 200);
    int rounds = NnDescent.maxRounds(n);
    long total = 2L + rounds + epochs;
    monitor.checkCancelled();
    try (ChunkedWork work = new ChunkedWork(options.workers(), monitor)) {
      Vectors reduced = input;
      if (options.pcaDimensions() > 0 && input.dims() > options.pcaDimensions()) {
        monitor.progress(0, total, "reducing " + input.dims() + " dimensions to " + options.pcaDimensions());
        reduced = PcaReduction.reduce(input, options.pcaDimensions(), options.seed(), work);
      }
      monitor.progress(1, total, "finding neighbours");
      KnnGraph knn = new NnDescent(reduced, options.neighbours() - 1, options.seed(), work)
          .find(round -> monitor.progress(1 + round, total, "finding neighbours"));
      monitor.checkCancelled();
      FuzzyGraph graph = FuzzyGraph.of(knn, options.neighbours(), work).withoutEdgesBelow(1.0 / epochs);
      Components components = Components.of(graph);
      float[] embedding = InitialLayout.of(reduced, components, options.seed(), work);
      monitor.progress(2 + rounds, total, "laying out");
      new LayoutOptimizer(graph, components, CurveFit.of(options.minDist(), SPREAD), options.seed())
          .optimize(embedding, epochs, work, epoch -> monitor.progress(2 + rounds + epoch, total, "laying out"));
      return ComponentPacking.pack(embedding, components);
    }
  }
}
