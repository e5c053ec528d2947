package dev.loupe.core.metrics;

import java.util.Arrays;

/**
 * Object keypoint similarity as Ultralytics' {@code kpt_iou} (the COCO evaluation's form): for each
 * labelled keypoint exp(-d^2 / ((2 sigma)^2 * 2 * (area + eps))), averaged over the keypoints with a
 * visibility other than 0. Keypoints are x,y(,v) in pixels; area is the true box's area times 0.53.
 */
public final class Oks {
  private static final double EPS = 1e-7;
  /** The area factor Ultralytics applies to the true box (w * h * 0.53). */
  public static final double AREA_FACTOR = 0.53;
  private static final double[] COCO = {
    0.26, 0.25, 0.25, 0.35, 0.35, 0.79, 0.79, 0.72, 0.72, 0.62, 0.62, 1.07, 1.07, 0.87, 0.87, 0.89, 0.89
  };

  private Oks() {}

  /** COCO's sigmas for 17 keypoints, otherwise 1/K for each, as Ultralytics. */
  public static double[] sigmas(int keypoints) {
    double[] sigmas = new double[keypoints];
    if (keypoints == COCO.length) {
      for (int i = 0; i < keypoints; i++) {
        sigmas[i] = COCO[i] / 10.0;
      }
    } else {
      Arrays.fill(sigmas, 1.0 / keypoints);
    }
    return sigmas;
  }

  /**
   * OKS of predicted keypoints against true ones ({@code dims} values each: 2 means all labelled).
   */
  public static double of(double[] truth, double[] predicted, int dims, double area, double[] sigmas) {
    double sum = 0;
    int labelled = 0;
    for (int k = 0; k < sigmas.length; k++) {
      if (dims == 3 && truth[3 * k + 2] == 0) {
        continue;
      }
      double dx = truth[dims * k] - predicted[dims * k];
      double dy = truth[dims * k + 1] - predicted[dims * k + 1];
      double s2 = (2 * sigmas[k]) * (2 * sigmas[k]);
      sum += Math.exp(-(dx * dx + dy * dy) / (s2 * (area + EPS) * 2));
      labelled++;
    }
    return sum / (labelled + EPS);
  }
}
