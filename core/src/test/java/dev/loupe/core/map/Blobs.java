package dev.loupe.core.map;

import java.util.Random;

/** Gaussian blobs for the map tests: unit-variance points around centres drawn at a given spread. */
record Blobs(float[][] vectors, int[] labels) {
  /** {@code n} points in {@code dims} dimensions around {@code clusters} centres, label = centre. */
  static Blobs of(int n, int dims, int clusters, double centreSpread, long seed) {
    Random random = new Random(seed);
    float[][] centres = new float[clusters][dims];
    for (float[] c : centres) {
      for (int d = 0; d < dims; d++) {
        c[d] = (float) (random.nextGaussian() * centreSpread);
      }
    }
    float[][] vectors = new float[n][dims];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % clusters;
      for (int d = 0; d < dims; d++) {
        vectors[i][d] = centres[labels[i]][d] + (float) random.nextGaussian();
      }
    }
    return new Blobs(vectors, labels);
  }
}
