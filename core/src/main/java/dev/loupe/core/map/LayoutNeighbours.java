package dev.loupe.core.map;

/** Nearest points in a 2-D layout, by full scan (for checking maps, not for making them). */
final class LayoutNeighbours {
  private LayoutNeighbours() {}

  /** The {@code k} points nearest to point {@code i} in {@code layout}, itself left out; ties by index. */
  static int[] nearest(Layout layout, int i, int k) {
    float[] x = layout.x();
    float[] y = layout.y();
    int n = layout.size();
    int[] heap = new int[k];
    double[] dist = new double[k];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(heap, Integer.MAX_VALUE);
    for (int j = 0; j < n; j++) {
      if (j == i) {
        continue;
      }
      double dx = x[j] - x[i];
      double dy = y[j] - y[i];
      double d = dx * dx + dy * dy;
      if (d > dist[0] || (d == dist[0] && j > heap[0])) {
        continue;
      }
      int at = 0;
      while (true) {
        int left = 2 * at + 1;
        if (left >= k) {
          break;
        }
        int right = left + 1;
        int larger = right < k && after(dist[right], heap[right], dist[left], heap[left]) ? right : left;
        if (!after(dist[larger], heap[larger], d, j)) {
          break;
        }
        heap[at] = heap[larger];
        dist[at] = dist[larger];
        at = larger;
      }
      heap[at] = j;
      dist[at] = d;
    }
    return heap;
  }

  private static boolean after(double d1, int j1, double d2, int j2) {
    return d1 > d2 || (d1 == d2 && j1 > j2);
  }
}
