package dev.loupe.core.map;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.task.TaskMonitor;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NnDescentTest {
  @Test
  void findsNearlyAllTrueNeighbours() {
    int n = NnDescent.EXACT_BELOW + 1_000;
    Vectors vectors = Vectors.of(Blobs.of(n, 16, 10, 2, 8).vectors());
    int k = 14;

    KnnGraph found;
    try (ChunkedWork work = new ChunkedWork(2, TaskMonitor.NONE)) {
      found = new NnDescent(vectors, k, 3, work).find(r -> { });
    }

    long hits = 0;
    for (int i = 0; i < n; i += 10) {
      NeighbourHeaps exact = new NeighbourHeaps(1, k);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          exact.offer(0, j, vectors.distanceSquared(i, j));
        }
      }
      Set<Integer> truth = new HashSet<>();
      for (int j : exact.indices) {
        truth.add(j);
      }
      for (int s = 0; s < k; s++) {
        hits += truth.contains(found.indices()[i * k + s]) ? 1 : 0;
      }
    }
    double recall = hits / (double) ((n + 9) / 10 * k);
    assertThat(recall).isGreaterThan(0.95);
  }
}
