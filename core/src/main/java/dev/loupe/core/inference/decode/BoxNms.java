package dev.loupe.core.inference.decode;

/**
 * Greedy IoU non-maximum suppression as torchvision's {@code nms}: boxes taken by score, highest
 * first; a box is dropped when its IoU with a kept box is above the threshold.
 */
public final class BoxNms {
  private BoxNms() {}

  /**
   * Returns the indices of the kept boxes, highest score first, at most {@code maxKeep}.
   *
   * @param boxes x1,y1,x2,y2 per box (already offset by class for class-aware NMS)
   */
  public static int[] run(double[] boxes, double[] scores, int count, double iouThreshold, int maxKeep) {
    int[] order = ScoreOrder.descending(scores, count);
    double[] area = new double[count];
    for (int i = 0; i < count; i++) {
      area[i] = (boxes[4 * i + 2] - boxes[4 * i]) * (boxes[4 * i + 3] - boxes[4 * i + 1]);
    }
    boolean[] suppressed = new boolean[count];
    int[] keep = new int[Math.min(count, maxKeep)];
    int kept = 0;
    for (int oi = 0; oi < count && kept < keep.length; oi++) {
      int i = order[oi];
      if (suppressed[i]) {
        continue;
      }
      keep[kept++] = i;
      double ix1 = boxes[4 * i];
      double iy1 = boxes[4 * i + 1];
      double ix2 = boxes[4 * i + 2];
      double iy2 = boxes[4 * i + 3];
      for (int oj = oi + 1; oj < count; oj++) {
        int j = order[oj];
        if (suppressed[j]) {
          continue;
        }
        double w = Math.min(ix2, boxes[4 * j + 2]) - Math.max(ix1, boxes[4 * j]);
        if (w <= 0) {
          continue;
        }
        double h = Math.min(iy2, boxes[4 * j + 3]) - Math.max(iy1, boxes[4 * j + 1]);
        if (h <= 0) {
          continue;
        }
        double inter = w * h;
        if (inter / (area[i] + area[j] - inter) > iouThreshold) {
          suppressed[j] = true;
        }
      }
    }
    return java.util.Arrays.copyOf(keep, kept);
  }
}
