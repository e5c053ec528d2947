package dev.loupe.core.map;

/** Groups points into clusters for colouring a map. */
public interface Clusterer {
  /**
   * The cluster, 0 to {@code k - 1}, of every one of {@code points} (rows of one length), in input order;
   * deterministic for a seed. Fewer clusters than {@code k} are used when there are fewer points.
   */
  int[] cluster(float[][] points, int k, long seed);
}
