package dev.loupe.core.map;

/** k-means clusters of a map's points. */
public final class KMeansClusterer implements Clusterer {
  @Override
  public int[] cluster(float[][] points, int k, long seed) {
    throw new UnsupportedOperationException("not written yet");
  }
}
