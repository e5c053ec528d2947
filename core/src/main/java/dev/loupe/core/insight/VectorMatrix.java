package dev.loupe.core.insight;

import java.util.ArrayList;
import java.util.List;

/**
 * Vectors of one length held row after row in one contiguous {@code float[]}, each scaled to unit
 * length, searched by brute force: the cosine distance ({@code 1 - cos}, 0 for the same direction, 2
 * for the opposite) of a query row to every other row. A zero vector (an image that could not be
 * read) is at distance 1 from everything. Immutable, so any number of threads may search it.
 */
public final class VectorMatrix {
  private final float[] rows;
  private final int dimension;
  private final int size;

  /** Copies and normalises {@code vectors}, all {@code dimension} long. */
  public VectorMatrix(List<float[]> vectors, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be at least 1, was " + dimension);
    }
    this.dimension = dimension;
    this.size = vectors.size();
    this.rows = new float[Math.multiplyExact(size, dimension)];
    for (int i = 0; i < size; i++) {
      float[] v = vectors.get(i);
      if (v.length != dimension) {
        throw new IllegalArgumentException("vector " + i + " has " + v.length + " values, not " + dimension);
      }
      System.arraycopy(v, 0, rows, i * dimension, dimension);
      BuiltinDescriptor.normalise(rows, i * dimension, dimension);
    }
  }

  public int size() {
    return size;
  }

  public int dimension() {
    return dimension;
  }

  /** A row nearest to a query, and its cosine distance. */
  public record Neighbour(int index, double distance) {}

  /** The {@code k} rows nearest to row {@code query}, the row itself left out, nearest first (ties: lower index). */
  public List<Neighbour> nearest(int query, int k) {
    if (query < 0 || query >= size) {
      throw new IndexOutOfBoundsException("row " + query + " of " + size);
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    int keep = Math.min(k, size - 1);
    int[] best = new int[keep];
    float[] bestSimilarity = new float[keep];
    int kept = 0;
    int q = query * dimension;
    for (int row = 0; row < size; row++) {
      if (row == query) {
        continue;
      }
      float similarity = dot(q, row * dimension);
      if (kept == keep && similarity <= bestSimilarity[keep - 1]) {
        continue;
      }
      int at = kept == keep ? keep - 1 : kept++;
      while (at > 0 && bestSimilarity[at - 1] < similarity) {
        best[at] = best[at - 1];
        bestSimilarity[at] = bestSimilarity[at - 1];
        at--;
      }
      best[at] = row;
      bestSimilarity[at] = similarity;
    }
    List<Neighbour> out = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      out.add(new Neighbour(best[i], Math.max(0, 1 - (double) bestSimilarity[i])));
    }
    return out;
  }

  /** Four running sums, so that the loop is not one long chain of dependent additions. */
  private float dot(int a, int b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < dimension; i += 4) {
      s0 += rows[a + i] * rows[b + i];
      s1 += rows[a + i + 1] * rows[b + i + 1];
      s2 += rows[a + i + 2] * rows[b + i + 2];
      s3 += rows[a + i + 3] * rows[b + i + 3];
    }
    for (; i < dimension; i++) {
      s0 += rows[a + i] * rows[b + i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
