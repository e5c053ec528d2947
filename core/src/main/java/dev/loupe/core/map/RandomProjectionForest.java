package dev.loupe.core.map;

import java.util.SplittableRandom;

/**
 * Trees that split the points by random hyperplanes (each halfway between two random points of the
 * node) down to small leaves; points that share a leaf are likely near. NN-descent starts from them.
 * Each tree draws from its own stream of the seed, so the forest is the same for any worker count.
 */
final class RandomProjectionForest {
  /** Per tree: the points in leaf order, where each leaf starts in it, and each point's leaf. */
  private final int[][] order;
  private final int[][] leafStarts;
  private final int[][] leafOf;

  private RandomProjectionForest(int trees, int n) {
    order = new int[trees][];
    leafStarts = new int[trees][];
    leafOf = new int[trees][n];
  }

  static RandomProjectionForest grow(Vectors vectors, int trees, int leafSize, long seed, ChunkedWork work) {
    int n = vectors.size();
    RandomProjectionForest forest = new RandomProjectionForest(trees, n);
    work.forEach(trees, 1, (from, to) -> {
      for (int t = from; t < to; t++) {
        forest.growTree(t, vectors, leafSize, new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (t + 1))));
      }
    });
    return forest;
  }

  int trees() {
    return order.length;
  }

  /** Calls {@code visit} with every point sharing {@code point}'s leaf in tree {@code tree}, itself too. */
  void forEachInLeaf(int tree, int point, java.util.function.IntConsumer visit) {
    int leaf = leafOf[tree][point];
    int[] points = order[tree];
    for (int s = leafStarts[tree][leaf], end = leafStarts[tree][leaf + 1]; s < end; s++) {
      visit.accept(points[s]);
    }
  }

  private void growTree(int tree, Vectors vectors, int leafSize, SplittableRandom random) {
    int n = vectors.size();
    int dims = vectors.dims();
    float[] data = vectors.data();
    int[] points = new int[n];
    for (int i = 0; i < n; i++) {
      points[i] = i;
    }
    IntList starts = new IntList();
    IntList stack = new IntList();
    stack.add(0);
    stack.add(n);
    float[] normal = new float[dims];
    while (stack.size() > 0) {
      int hi = stack.pop();
      int lo = stack.pop();
      if (hi - lo <= leafSize) {
        starts.add(lo);
        continue;
      }
      int a = points[lo + random.nextInt(hi - lo)];
      int b = points[lo + random.nextInt(hi - lo)];
      double offset = 0;
      for (int d = 0; d < dims; d++) {
        float va = data[a * dims + d];
        float vb = data[b * dims + d];
        normal[d] = va - vb;
        offset += normal[d] * (va + vb) * 0.5;
      }
      int left = lo;
      int right = hi - 1;
      while (left <= right) {
        int p = points[left];
        double margin = -offset;
        for (int d = 0; d < dims; d++) {
          margin += normal[d] * data[p * dims + d];
        }
        if (margin > 0 || (margin == 0 && random.nextBoolean())) {
          left++;
        } else {
          points[left] = points[right];
          points[right] = p;
          right--;
        }
      }
      int mid = left == lo || left == hi ? (lo + hi) >>> 1 : left;
      stack.add(mid);
      stack.add(hi);
      stack.add(lo);
      stack.add(mid);
    }
    int[] sortedStarts = starts.toSortedArray();
    int[] bounds = java.util.Arrays.copyOf(sortedStarts, sortedStarts.length + 1);
    bounds[sortedStarts.length] = n;
    for (int leaf = 0; leaf < sortedStarts.length; leaf++) {
      for (int s = bounds[leaf]; s < bounds[leaf + 1]; s++) {
        leafOf[tree][points[s]] = leaf;
      }
    }
    order[tree] = points;
    leafStarts[tree] = bounds;
  }

  /** A growable list of ints. */
  private static final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int pop() {
      return values[--size];
    }

    int size() {
      return size;
    }

    int[] toSortedArray() {
      int[] out = java.util.Arrays.copyOf(values, size);
      java.util.Arrays.sort(out);
      return out;
    }
  }
}
