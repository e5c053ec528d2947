package dev.loupe.core.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UmapTest {
  private static final Umap UMAP = new Umap();

  private static LayoutOptions options(long seed, int epochs, int workers) {
    return new LayoutOptions(15, 0.1, epochs, seed, 50, workers);
  }

  @Test
  void placesEveryPointOfDisconnectedClustersAndKeepsThemApart() {
    Blobs blobs = Blobs.of(1_200, 64, 6, 50, 1);
    ChunkedWork work = new ChunkedWork(1, TaskMonitor.NONE);
    KnnGraph knn = new NnDescent(Vectors.of(blobs.vectors()), 14, 1, work).find(r -> { });
    assertThat(Components.of(FuzzyGraph.of(knn, 15, work)).count())
        .as("the clusters are disconnected in the kNN graph").isEqualTo(6);

    Layout layout = UMAP.layout(blobs.vectors(), options(3, 100, 2), TaskMonitor.NONE);

    assertThat(layout.size()).isEqualTo(1_200);
    for (int i = 0; i < layout.size(); i++) {
      assertThat(Float.isFinite(layout.x()[i]) && Float.isFinite(layout.y()[i])).as("point %d", i).isTrue();
    }
    assertThat(KnnPurity.of(layout, blobs.labels(), 15)).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void keepsWellSeparatedClustersOfOneComponentPure() {
    Blobs blobs = Blobs.of(4_500, 20, 8, 4, 2);

    Layout layout = UMAP.layout(blobs.vectors(), options(5, 60, 2), TaskMonitor.NONE);

    assertThat(KnnPurity.of(layout, blobs.labels(), 15)).isGreaterThanOrEqualTo(0.9);
    assertThat(Trustworthiness.sampled(blobs.vectors(), layout, 15, 500, 1)).isGreaterThan(0.9);
  }

  @Test
  void theSameSeedGivesTheSameLayoutWithAnyWorkerCount() {
    Blobs blobs = Blobs.of(600, 80, 4, 5, 3);

    Layout one = UMAP.layout(blobs.vectors(), options(7, 50, 1), TaskMonitor.NONE);
    Layout again = UMAP.layout(blobs.vectors(), options(7, 50, 1), TaskMonitor.NONE);
    Layout three = UMAP.layout(blobs.vectors(), options(7, 50, 3), TaskMonitor.NONE);
    Layout other = UMAP.layout(blobs.vectors(), options(8, 50, 1), TaskMonitor.NONE);

    assertThat(again.x()).isEqualTo(one.x());
    assertThat(again.y()).isEqualTo(one.y());
    assertThat(three.x()).isEqualTo(one.x());
    assertThat(three.y()).isEqualTo(one.y());
    assertThat(other.x()).isNotEqualTo(one.x());
  }

  @Test
  void nnDescentFindsTheSameNeighboursWithAnyWorkerCount() {
    Vectors vectors = Vectors.of(Blobs.of(NnDescent.EXACT_BELOW + 500, 10, 5, 3, 4).vectors());

    KnnGraph one = new NnDescent(vectors, 14, 9, new ChunkedWork(1, TaskMonitor.NONE)).find(r -> { });
    KnnGraph two;
    try (ChunkedWork work = new ChunkedWork(2, TaskMonitor.NONE)) {
      two = new NnDescent(vectors, 14, 9, work).find(r -> { });
    }

    assertThat(two.indices()).isEqualTo(one.indices());
    assertThat(two.distances()).isEqualTo(one.distances());
  }

  @Test
  void refusesTooFewRaggedOrNonFiniteVectors() {
    LayoutOptions options = options(1, 10, 1);
    assertThatThrownBy(() -> UMAP.layout(new float[15][4], options, TaskMonitor.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 vectors, got 15");
    float[][] ragged = Blobs.of(40, 4, 2, 3, 1).vectors();
    ragged[17] = new float[3];
    assertThatThrownBy(() -> UMAP.layout(ragged, options, TaskMonitor.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector 17 has 3");
    float[][] nan = Blobs.of(40, 4, 2, 3, 1).vectors();
    nan[5][2] = Float.NaN;
    assertThatThrownBy(() -> UMAP.layout(nan, options, TaskMonitor.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vector 5 holds NaN at position 2");
  }

  @Test
  void reportsProgressAndStopsWhenCancelled() {
    float[][] vectors = Blobs.of(300, 8, 3, 5, 1).vectors();
    List<Long> done = new ArrayList<>();
    UMAP.layout(vectors, options(1, 20, 2), new TaskMonitor() {
      @Override
      public void progress(long d, long total, String message) {
        done.add(d);
        assertThat(d).isLessThanOrEqualTo(total);
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    });
    assertThat(done).isSorted().isNotEmpty();

    AtomicInteger calls = new AtomicInteger();
    TaskMonitor cancelInLayout = new TaskMonitor() {
      @Override
      public void progress(long d, long total, String message) {
        if (message.equals("laying out")) {
          calls.incrementAndGet();
        }
      }

      @Override
      public boolean isCancelled() {
        return calls.get() > 3;
      }
    };
    assertThatThrownBy(() -> UMAP.layout(vectors, options(1, 50, 2), cancelInLayout))
        .isInstanceOf(CancelledException.class);
    assertThat(calls.get()).isLessThan(10);
  }
}
