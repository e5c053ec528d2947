package dev.loupe.core.inference.decode;

import dev.loupe.core.metrics.ProbIou;

/**
 * Rotated-box suppression as Ultralytics does it (Fast-NMS over probabilistic IoU): boxes taken by
 * score, highest first; a box is kept when no box scored higher, kept or not, has a probiou of at
 * least the threshold with it.
 */
public final class RotatedNms {
  private RotatedNms() {}

  /**
   * Returns the indices of the kept boxes, highest score first, at most {@code maxKeep}.
   *
   * @param boxes cx,cy,w,h,angle per box (centres already offset by class for class-aware NMS)
   */
  public static int[] run(double[] boxes, double[] scores, int count, double iouThreshold, int maxKeep) {
    int[] order = ScoreOrder.descending(scores, count);
    double[] cov = new double[3 * count];
    for (int i = 0; i < count; i++) {
      ProbIou.covariance(boxes[5 * i + 2], boxes[5 * i + 3], boxes[5 * i + 4], cov, 3 * i);
    }
    int[] keep = new int[Math.min(count, maxKeep)];
    int kept = 0;
    for (int oj = 0; oj < count && kept < keep.length; oj++) {
      int j = order[oj];
      boolean keepIt = true;
      for (int oi = 0; oi < oj; oi++) {
        int i = order[oi];
        double iou =
            ProbIou.fromCovariance(
                boxes[5 * i], boxes[5 * i + 1], cov, 3 * i, boxes[5 * j], boxes[5 * j + 1], cov, 3 * j);
        if (iou >= iouThreshold) {
          keepIt = false;
          break;
        }
      }
      if (keepIt) {
        keep[kept++] = j;
      }
    }
    return java.util.Arrays.copyOf(keep, kept);
  }
}
