package dev.loupe.core.map;

import java.util.function.IntConsumer;

/**
 * UMAP's layout by stochastic gradient descent with negative sampling (umap-learn's
 * optimize_layout_euclidean: each edge sampled in proportion to its weight, five negative samples
 * per sample, gradients clipped at 4, learning rate falling linearly from 1), made deterministic: in
 * each epoch a point moves by its own edges only, against the positions every other point had when
 * the epoch began, and draws its negative samples (from its own component) from a stream fixed by
 * the seed, the epoch and the point. No two threads write the same point and none reads a point
 * being written, so the result does not depend on the worker count. Each edge is stored in both
 * directions and moves only its head; its attraction is doubled to match umap-learn, where each
 * direction moves both ends.
 */
final class LayoutOptimizer {
  private static final int NEGATIVE_SAMPLE_RATE = 5;
  private static final double REPULSION = 1.0;
  private static final double CLIP = 4.0;

  private final FuzzyGraph graph;
  private final Components components;
  private final double a;
  private final double b;
  private final long seed;

  LayoutOptimizer(FuzzyGraph graph, Components components, CurveFit curve, long seed) {
    this.graph = graph;
    this.components = components;
    this.a = curve.a();
    this.b = curve.b();
    this.seed = seed;
  }

  /** Moves {@code embedding} (x and y of each point, interleaved) through {@code epochs} epochs. */
  void optimize(float[] embedding, int epochs, ChunkedWork work, IntConsumer epochDone) {
    int n = graph.size();
    float[] weights = graph.weights();
    float max = 0;
    for (float w : weights) {
      max = Math.max(max, w);
    }
    double[] perSample = new double[weights.length];
    double[] nextSample = new double[weights.length];
    double[] nextNegative = new double[weights.length];
    for (int e = 0; e < weights.length; e++) {
      perSample[e] = weights[e] > 0 ? max / weights[e] : Double.POSITIVE_INFINITY;
      nextSample[e] = perSample[e];
      nextNegative[e] = perSample[e] / NEGATIVE_SAMPLE_RATE;
    }
    float[] before = new float[embedding.length];
    for (int epoch = 0; epoch < epochs; epoch++) {
      System.arraycopy(embedding, 0, before, 0, embedding.length);
      double alpha = 1.0 - (double) epoch / epochs;
      int current = epoch;
      work.forEach(n, (from, to) -> {
        for (int j = from; j < to; j++) {
          movePoint(j, current, alpha, embedding, before, perSample, nextSample, nextNegative);
        }
      });
      epochDone.accept(epoch + 1);
    }
  }

  private void movePoint(int j, int epoch, double alpha, float[] embedding, float[] before,
      double[] perSample, double[] nextSample, double[] nextNegative) {
    int[] columns = graph.columns();
    int start = graph.starts()[j];
    int end = graph.starts()[j + 1];
    double cx = embedding[2 * j];
    double cy = embedding[2 * j + 1];
    long random = mix(seed ^ (epoch + 1) * 0x9E3779B97F4A7C15L ^ (j + 1) * 0xC2B2AE3D27D4EB4FL);
    int from = components.start(components.of(j));
    int size = components.size(components.of(j));
    int[] members = components.members();
    for (int e = start; e < end; e++) {
      if (nextSample[e] > epoch) {
        continue;
      }
      int k = columns[e];
      double dx = cx - before[2 * k];
      double dy = cy - before[2 * k + 1];
      double d2 = dx * dx + dy * dy;
      if (d2 > 0) {
        double powB = Math.pow(d2, b);
        double coeff = -2 * a * b * (powB / d2) / (a * powB + 1);
        cx += 2 * clip(coeff * dx) * alpha;
        cy += 2 * clip(coeff * dy) * alpha;
      }
      nextSample[e] += perSample[e];
      double perNegative = perSample[e] / NEGATIVE_SAMPLE_RATE;
      int negatives = (int) ((epoch - nextNegative[e]) / perNegative);
      for (int s = 0; s < negatives; s++) {
        random += 0x9E3779B97F4A7C15L;
        int other = members[from + (int) (((mix(random) >>> 32) * size) >>> 32)];
        if (other == j) {
          continue;
        }
        double ex = cx - before[2 * other];
        double ey = cy - before[2 * other + 1];
        double e2 = ex * ex + ey * ey;
        if (e2 > 0) {
          double coeff = 2 * REPULSION * b / ((0.001 + e2) * (a * Math.pow(e2, b) + 1));
          cx += clip(coeff * ex) * alpha;
          cy += clip(coeff * ey) * alpha;
        } else {
          cx += CLIP * alpha;
          cy += CLIP * alpha;
        }
      }
      nextNegative[e] += negatives * perNegative;
    }
    embedding[2 * j] = (float) cx;
    embedding[2 * j + 1] = (float) cy;
  }

  private static double clip(double g) {
    return g > CLIP ? CLIP : (g < -CLIP ? -CLIP : g);
  }

  /** SplitMix64's finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
