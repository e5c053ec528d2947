package dev.loupe.core.map;

/**
 * The {@code k} nearest other points of every point: row {@code i} is {@code indices[i*k .. i*k+k-1]},
 * nearest first, with their Euclidean distances in {@code distances}.
 */
record KnnGraph(int k, int[] indices, float[] distances) {
  int size() {
    return indices.length / k;
  }
}
