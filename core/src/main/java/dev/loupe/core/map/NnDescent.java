package dev.loupe.core.map;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * Approximate k nearest neighbours by NN-descent (Dong, Charikar and Li, 2011) started from a random
 * projection forest, as pynndescent does. Each round first draws, for every point, a few of its new
 * and old neighbours (forward and reverse) by hashed priorities; then every point compares itself
 * with the candidates that share one of those lists with it and updates only its own list. A round
 * therefore reads only what the previous one left, and the result is the same for any worker count.
 * Small sets are searched exactly.
 */
final class NnDescent {
  /** Below this many points every pair is compared. */
  static final int EXACT_BELOW = 4096;
  private static final double DELTA = 0.001;
  /** Candidates drawn per point and round (umap-learn asks pynndescent for 60 at most). */
  private static final int MAX_CANDIDATES = 60;

  private final Vectors vectors;
  private final int k;
  private final long seed;
  private final ChunkedWork work;
  private final ThreadLocal<int[]> seen;

  NnDescent(Vectors vectors, int k, long seed, ChunkedWork work) {
    this.vectors = vectors;
    this.k = k;
    this.seed = seed;
    this.work = work;
    int n = vectors.size();
    this.seen = ThreadLocal.withInitial(() -> new int[n]);
  }

  /** The rounds at most that {@link #find} runs on {@code n} points. */
  static int maxRounds(int n) {
    return n < EXACT_BELOW ? 1 : Math.max(5, (int) Math.round(Math.log(n) / Math.log(2)));
  }

  /** The {@code k} nearest other points of every point; {@code roundDone} hears each finished round. */
  KnnGraph find(IntConsumer roundDone) {
    int n = vectors.size();
    NeighbourHeaps heaps = new NeighbourHeaps(n, k);
    if (n < EXACT_BELOW) {
      work.forEach(n, (from, to) -> {
        for (int i = from; i < to; i++) {
          for (int j = 0; j < n; j++) {
            if (j != i) {
              heaps.offer(i, j, vectors.distanceSquared(i, j));
            }
          }
        }
      });
      roundDone.accept(1);
      return heaps.toGraph();
    }
    startFromForest(heaps);
    int rounds = maxRounds(n);
    for (int round = 0; round < rounds; round++) {
      long updates = round(heaps, round);
      roundDone.accept(round + 1);
      if (updates <= DELTA * k * n) {
        break;
      }
    }
    fillShortRows(heaps);
    return heaps.toGraph();
  }

  private void startFromForest(NeighbourHeaps heaps) {
    int n = vectors.size();
    int trees = Math.min(32, 5 + (int) Math.round(Math.sqrt(n) / 20));
    RandomProjectionForest forest =
        RandomProjectionForest.grow(vectors, trees, Math.max(10, k + 1), seed, work);
    work.forEach(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        int row = i;
        for (int t = 0; t < forest.trees(); t++) {
          forest.forEachInLeaf(t, row, j -> {
            if (j != row) {
              heaps.offer(row, j, vectors.distanceSquared(row, j));
            }
          });
        }
      }
    });
  }

  /** One round of NN-descent; returns how many list entries changed. */
  private long round(NeighbourHeaps heaps, int round) {
    int n = vectors.size();
    int max = Math.min(MAX_CANDIDATES, 2 * k + 2);
    Candidates fresh = new Candidates(n, max);
    Candidates old = new Candidates(n, max);
    for (int i = 0; i < n; i++) {
      int base = i * k;
      for (int s = 0; s < k; s++) {
        int j = heaps.indices[base + s];
        if (j < 0) {
          continue;
        }
        float priority = priority(round, i, j);
        Candidates into = heaps.fresh[base + s] ? fresh : old;
        into.offer(i, j, priority);
        into.offer(j, i, priority);
      }
    }
    for (int i = 0; i < n; i++) {
      int base = i * k;
      for (int s = 0; s < k; s++) {
        if (heaps.fresh[base + s] && fresh.contains(i, heaps.indices[base + s])) {
          heaps.fresh[base + s] = false;
        }
      }
    }
    int[][] inFresh = fresh.holders();
    int[][] inOld = old.holders();
    LongAdder updates = new LongAdder();
    work.forEach(n, (from, to) -> {
      int[] seen = this.seen.get();
      long count = 0;
      for (int u = from; u < to; u++) {
        int stamp = round * n + u + 1;
        seen[u] = stamp;
        for (int p : inFresh[u]) {
          count += join(heaps, u, fresh, p, seen, stamp);
          count += join(heaps, u, old, p, seen, stamp);
        }
        for (int p : inOld[u]) {
          count += join(heaps, u, fresh, p, seen, stamp);
        }
      }
      updates.add(count);
    });
    return updates.sum();
  }

  /** Compares {@code u} with the candidates of {@code list} held by {@code p}. */
  private int join(NeighbourHeaps heaps, int u, Candidates list, int p, int[] seen, int stamp) {
    int changed = 0;
    int base = p * list.max;
    for (int s = 0; s < list.max; s++) {
      int q = list.points[base + s];
      if (q < 0 || seen[q] == stamp) {
        continue;
      }
      seen[q] = stamp;
      float d = vectors.distanceSquared(u, q);
      if (d < heaps.bound(u) && heaps.offer(u, q, d)) {
        changed++;
      }
    }
    return changed;
  }

  /** Rows NN-descent left short (only on degenerate data) are completed by a full search. */
  private void fillShortRows(NeighbourHeaps heaps) {
    int n = vectors.size();
    work.forEach(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        if (heaps.indices[i * k] >= 0) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (j != i) {
            heaps.offer(i, j, vectors.distanceSquared(i, j));
          }
        }
      }
    });
  }

  /** A uniform-looking priority in [0, 1) fixed by the seed, the round and the pair. */
  private float priority(int round, int i, int j) {
    long h = seed ^ (round * 0x9E3779B97F4A7C15L) ^ ((long) Math.min(i, j) << 32 | Math.max(i, j));
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    return (h >>> 40) / (float) (1L << 24);
  }

  /**
   * Per point, up to {@code max} candidate points with the lowest priorities (a max-heap on
   * priority).
   */
  private static final class Candidates {
    final int max;
    final int[] points;
    final float[] priorities;

    Candidates(int n, int max) {
      this.max = max;
      this.points = new int[n * max];
      this.priorities = new float[n * max];
      Arrays.fill(points, -1);
      Arrays.fill(priorities, Float.POSITIVE_INFINITY);
    }

    void offer(int row, int point, float priority) {
      int base = row * max;
      if (priority >= priorities[base]) {
        return;
      }
      for (int s = 0; s < max; s++) {
        if (points[base + s] == point) {
          return;
        }
      }
      int at = 0;
      while (true) {
        int left = 2 * at + 1;
        if (left >= max) {
          break;
        }
        int right = left + 1;
        int larger = right < max && priorities[base + right] > priorities[base + left] ? right : left;
        if (priorities[base + larger] <= priority) {
          break;
        }
        points[base + at] = points[base + larger];
        priorities[base + at] = priorities[base + larger];
        at = larger;
      }
      points[base + at] = point;
      priorities[base + at] = priority;
    }

    boolean contains(int row, int point) {
      int base = row * max;
      for (int s = 0; s < max; s++) {
        if (points[base + s] == point) {
          return true;
        }
      }
      return false;
    }

    /** For every point, the rows whose candidates hold it, in row order. */
    int[][] holders() {
      int n = points.length / max;
      int[] counts = new int[n];
      for (int q : points) {
        if (q >= 0) {
          counts[q]++;
        }
      }
      int[][] out = new int[n][];
      for (int i = 0; i < n; i++) {
        out[i] = new int[counts[i]];
      }
      Arrays.fill(counts, 0);
      for (int row = 0; row < n; row++) {
        for (int s = 0; s < max; s++) {
          int q = points[row * max + s];
          if (q >= 0) {
            out[q][counts[q]++] = row;
          }
        }
      }
      return out;
    }
  }
}
