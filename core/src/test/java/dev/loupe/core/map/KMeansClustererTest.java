package dev.loupe.core.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KMeansClustererTest {
  private final KMeansClusterer kMeans = new KMeansClusterer();

  @Test
  void findsObviousBlobs() {
    Blobs blobs = Blobs.of(900, 2, 3, 40, 5);

    int[] clusters = kMeans.cluster(blobs.vectors(), 3, 1);

    // one cluster per blob: the labels map one to one onto the clusters
    int[] clusterOfLabel = new int[3];
    Arrays.fill(clusterOfLabel, -1);
    for (int i = 0; i < clusters.length; i++) {
      int label = blobs.labels()[i];
      if (clusterOfLabel[label] < 0) {
        clusterOfLabel[label] = clusters[i];
      }
      assertThat(clusters[i]).as("point %d", i).isEqualTo(clusterOfLabel[label]);
    }
    assertThat(Arrays.stream(clusterOfLabel).sorted().toArray()).containsExactly(0, 1, 2);
  }

  @Test
  void isTheSameForASeed() {
    float[][] points = Blobs.of(2_000, 2, 12, 3, 6).vectors();

    int[] one = kMeans.cluster(points, 8, 42);

    assertThat(kMeans.cluster(points, 8, 42)).isEqualTo(one);
    assertThat(Arrays.stream(one).max().getAsInt()).isEqualTo(7);
  }

  @Test
  void usesFewerClustersThanKWhenThereAreFewerPoints() {
    float[][] points = {{0, 0}, {5, 5}, {5, 5}, {9, 0}};

    int[] clusters = kMeans.cluster(points, 10, 1);

    assertThat(clusters).containsExactly(0, 1, 1, 2);
    assertThat(kMeans.cluster(new float[0][], 3, 1)).isEmpty();
  }

  @Test
  void refusesBadInput() {
    assertThatThrownBy(() -> kMeans.cluster(new float[][] {{0, 0}}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k must be at least 1");
    assertThatThrownBy(() -> kMeans.cluster(new float[][] {{0, 0}, {1}}, 2, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1 has 1");
    assertThatThrownBy(() -> kMeans.cluster(new float[][] {{0, Float.NaN}}, 2, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 0 holds NaN");
  }
}
