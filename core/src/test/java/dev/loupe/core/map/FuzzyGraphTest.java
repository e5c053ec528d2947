package dev.loupe.core.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.task.TaskMonitor;
import org.junit.jupiter.api.Test;

class FuzzyGraphTest {
  @Test
  void isSymmetricWithTheNearestNeighbourAtOneAndMembershipsSummingToLog2K() {
    Vectors vectors = Vectors.of(Blobs.of(200, 5, 2, 3, 6).vectors());
    ChunkedWork work = new ChunkedWork(1, TaskMonitor.NONE);
    KnnGraph knn = new NnDescent(vectors, 9, 1, work).find(r -> { });

    FuzzyGraph graph = FuzzyGraph.of(knn, 10, work);

    for (int i = 0; i < graph.size(); i++) {
      for (int e = graph.starts()[i]; e < graph.starts()[i + 1]; e++) {
        assertThat(graph.weights()[e]).isBetween(0f, 1f);
        assertThat(weight(graph, graph.columns()[e], i)).isEqualTo(graph.weights()[e]);
      }
      assertThat(weight(graph, i, knn.indices()[i * 9])).isEqualTo(1f);
    }
    // one direction alone: a point none of whose neighbours has it as a neighbour sums to log2(10)
    for (int i = 0; i < graph.size(); i++) {
      int[] row = java.util.Arrays.copyOfRange(knn.indices(), i * 9, i * 9 + 9);
      boolean alone = true;
      for (int j : row) {
        for (int s = 0; s < 9; s++) {
          alone &= knn.indices()[j * 9 + s] != i;
        }
      }
      if (alone) {
        double sum = 0;
        for (int j : row) {
          sum += weight(graph, i, j);
        }
        assertThat(sum).isCloseTo(Math.log(10) / Math.log(2), within(1e-3));
      }
    }
  }

  private static float weight(FuzzyGraph graph, int i, int j) {
    for (int e = graph.starts()[i]; e < graph.starts()[i + 1]; e++) {
      if (graph.columns()[e] == j) {
        return graph.weights()[e];
      }
    }
    return 0;
  }
}
