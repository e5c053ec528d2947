package dev.loupe.core.map;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The mean share of each point's {@code k} nearest neighbours in a layout that carry its label: 1
 * when every neighbourhood is pure. For checking maps of labelled data.
 */
public final class KnnPurity {
  private KnnPurity() {}

  /** Over every point; takes time in {@code n^2}. */
  public static double of(Layout layout, int[] labels, int k) {
    return over(layout, labels, k, IntStream.range(0, layout.size()).toArray());
  }

  /** Over {@code samples} points drawn by {@code seed}. */
  public static double sampled(Layout layout, int[] labels, int k, int samples, long seed) {
    if (samples >= layout.size()) {
      return of(layout, labels, k);
    }
    int[] rows = new SplittableRandom(seed).ints(0, layout.size()).distinct().limit(samples).sorted().toArray();
    return over(layout, labels, k, rows);
  }

  private static double over(Layout layout, int[] labels, int k, int[] rows) {
    if (labels.length != layout.size()) {
      throw new IllegalArgumentException(layout.size() + " points but " + labels.length + " labels");
    }
    if (k < 1 || k >= layout.size()) {
      throw new IllegalArgumentException("k must be from 1 to " + (layout.size() - 1) + ", was " + k);
    }
    long[] same = IntStream.range(0, rows.length).parallel().mapToLong(r -> {
      int i = rows[r];
      long count = 0;
      for (int j : LayoutNeighbours.nearest(layout, i, k)) {
        if (labels[j] == labels[i]) {
          count++;
        }
      }
      return count;
    }).toArray();
    long sum = 0;
    for (long s : same) {
      sum += s;
    }
    return (double) sum / ((long) rows.length * k);
  }
}
