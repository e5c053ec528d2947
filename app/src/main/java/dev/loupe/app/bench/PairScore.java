package dev.loupe.app.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Pairwise recall and precision of found groups against the true pairs: a group of n images claims
 * its n (n - 1) / 2 pairs; a pair claimed by several groups counts once.
 */
record PairScore(long truePairs, long foundPairs, long correct) {
  /** Correct over true pairs; 1 when there are none to find. */
  double recall() {
    return truePairs == 0 ? 1 : (double) correct / truePairs;
  }

  /** Correct over found pairs; 1 when none were claimed. */
  double precision() {
    return foundPairs == 0 ? 1 : (double) correct / foundPairs;
  }

  static PairScore of(Set<Long> truth, Set<Long> found) {
    long correct = found.stream().filter(truth::contains).count();
    return new PairScore(truth.size(), found.size(), correct);
  }

  /** Every pair within each group (indices), as {@link #key}s. */
  static Set<Long> pairs(List<int[]> groups) {
    Set<Long> out = new HashSet<>();
    for (int[] g : groups) {
      for (int a = 0; a < g.length; a++) {
        for (int b = a + 1; b < g.length; b++) {
          out.add(key(g[a], g[b]));
        }
      }
    }
    return out;
  }

  /** One number for the unordered pair {a, b}. */
  static long key(int a, int b) {
    return (long) Math.min(a, b) << 32 | Math.max(a, b);
  }

  /** {@code set} less {@code minus}, a new set. */
  static Set<Long> without(Set<Long> set, Set<Long> minus) {
    Set<Long> out = new HashSet<>(set);
    out.removeAll(minus);
    return out;
  }
}
