package dev.loupe.core.map;

import java.util.Arrays;

/**
 * For every point, the {@code k} nearest candidates found so far, as a max-heap on squared distance
 * (the farthest at the top), each flagged new until NN-descent has joined it once. Row {@code i} is
 * changed only by whoever works on point {@code i}.
 */
final class NeighbourHeaps {
  final int k;
  final int[] indices;
  final float[] distances;
  final boolean[] fresh;

  NeighbourHeaps(int n, int k) {
    this.k = k;
    this.indices = new int[n * k];
    this.distances = new float[n * k];
    this.fresh = new boolean[n * k];
    Arrays.fill(indices, -1);
    Arrays.fill(distances, Float.POSITIVE_INFINITY);
  }

  /** The farthest distance kept for {@code row}: a candidate must be nearer to get in. */
  float bound(int row) {
    return distances[row * k];
  }

  /** Adds {@code point} at {@code distance} to {@code row} unless it is there or not near enough. */
  boolean offer(int row, int point, float distance) {
    int base = row * k;
    if (distance >= distances[base]) {
      return false;
    }
    for (int s = 0; s < k; s++) {
      if (indices[base + s] == point) {
        return false;
      }
    }
    int at = 0;
    while (true) {
      int left = 2 * at + 1;
      if (left >= k) {
        break;
      }
      int right = left + 1;
      int larger = right < k && distances[base + right] > distances[base + left] ? right : left;
      if (distances[base + larger] <= distance) {
        break;
      }
      indices[base + at] = indices[base + larger];
      distances[base + at] = distances[base + larger];
      fresh[base + at] = fresh[base + larger];
      at = larger;
    }
    indices[base + at] = point;
    distances[base + at] = distance;
    fresh[base + at] = true;
    return true;
  }

  /** The heaps as a graph: rows sorted nearest first (ties by index), distances square-rooted. */
  KnnGraph toGraph() {
    int n = indices.length / k;
    int[] outIndices = new int[n * k];
    float[] outDistances = new float[n * k];
    Integer[] order = new Integer[k];
    for (int i = 0; i < n; i++) {
      int base = i * k;
      for (int s = 0; s < k; s++) {
        order[s] = s;
      }
      Arrays.sort(order, (a, b) -> {
        int c = Float.compare(distances[base + a], distances[base + b]);
        return c != 0 ? c : Integer.compare(indices[base + a], indices[base + b]);
      });
      for (int s = 0; s < k; s++) {
        outIndices[base + s] = indices[base + order[s]];
        outDistances[base + s] = (float) Math.sqrt(distances[base + order[s]]);
      }
    }
    return new KnnGraph(k, outIndices, outDistances);
  }
}
