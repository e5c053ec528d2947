package dev.loupe.core.inference.decode;

import java.util.Arrays;

/** Sorting row indices by score, highest first; equal scores keep their row order. */
final class ScoreOrder {
  private ScoreOrder() {}

  /** Indices 0..count-1 ordered by {@code score} descending, ties by index ascending. */
  static int[] descending(double[] score, int count) {
    long[] keys = new long[count];
    for (int i = 0; i < count; i++) {
      int bits = Float.floatToIntBits((float) score[i]);
      long sortable = bits ^ ((bits >> 31) & 0x7fffffff); // monotone in the float's value
      long descending = 0x7fffffffL - sortable; // 0 .. 2^32 - 1
      keys[i] = (descending << 32) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[count];
    for (int i = 0; i < count; i++) {
      order[i] = (int) keys[i];
    }
    return order;
  }
}
