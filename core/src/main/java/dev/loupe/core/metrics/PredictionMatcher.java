package dev.loupe.core.metrics;

import java.util.Arrays;

/**
 * Which predictions of one image are true positives at each IoU threshold, as Ultralytics'
 * {@code match_predictions}: pairs of a truth and a prediction of the same class with IoU at least
 * the threshold, taken by IoU (highest first); each prediction keeps its best pair, and then each
 * truth keeps the pair of its lowest-numbered prediction among those (predictions come highest
 * score first, so that is the most confident one).
 */
public final class PredictionMatcher {
  /** 0.50, 0.55, ..., 0.95 as float values, as Ultralytics' {@code torch.linspace(0.5, 0.95, 10)}. */
  public static final float[] IOU_THRESHOLDS = new float[10];

  static {
    for (int i = 0; i < 10; i++) {
      IOU_THRESHOLDS[i] = (float) (0.5 + 0.05 * i);
    }
  }

  private PredictionMatcher() {}

  /**
   * Returns {@code correct[prediction]} as bits, bit t set when the prediction is a true positive at
   * {@code IOU_THRESHOLDS[t]}.
   *
   * @param iou {@code [truth][prediction]}
   */
  public static int[] match(int[] predictedClasses, int[] trueClasses, double[][] iou) {
    int np = predictedClasses.length;
    int nt = trueClasses.length;
    int[] correct = new int[np];
    if (np == 0 || nt == 0) {
      return correct;
    }
    float[] masked = new float[nt * np];
    for (int t = 0; t < nt; t++) {
      for (int p = 0; p < np; p++) {
        masked[t * np + p] = trueClasses[t] == predictedClasses[p] ? (float) iou[t][p] : 0f;
      }
    }
    int[] pairs = new int[nt * np];
    for (int level = 0; level < IOU_THRESHOLDS.length; level++) {
      float threshold = IOU_THRESHOLDS[level];
      int count = 0;
      for (int i = 0; i < masked.length; i++) { // row-major, as np.nonzero
        if (masked[i] >= threshold) {
          pairs[count++] = i;
        }
      }
      if (count == 0) {
        continue;
      }
      int[] kept = count == 1 ? new int[] {pairs[0]} : resolve(pairs, count, masked, np, nt);
      for (int pair : kept) {
        correct[pair % np] |= 1 << level;
      }
    }
    return correct;
  }

  private static int[] resolve(int[] pairs, int count, float[] masked, int np, int nt) {
    // a stable ascending sort by IoU, reversed: highest first, equal IoUs in reverse pair order
    Integer[] byIou = new Integer[count];
    for (int i = 0; i < count; i++) {
      byIou[i] = pairs[i];
    }
    Arrays.sort(byIou, (a, b) -> Float.compare(masked[a], masked[b]));
    // first pair of each prediction, ordered by prediction
    int[] bestOfPrediction = new int[np];
    Arrays.fill(bestOfPrediction, -1);
    for (int i = count - 1; i >= 0; i--) {
      int pair = byIou[i];
      if (bestOfPrediction[pair % np] < 0) {
        bestOfPrediction[pair % np] = pair;
      }
    }
    // then the first of each truth in that order
    int[] firstOfTruth = new int[nt];
    Arrays.fill(firstOfTruth, -1);
    for (int p = 0; p < np; p++) {
      int pair = bestOfPrediction[p];
      if (pair >= 0 && firstOfTruth[pair / np] < 0) {
        firstOfTruth[pair / np] = pair;
      }
    }
    return Arrays.stream(firstOfTruth).filter(pair -> pair >= 0).toArray();
  }
}
