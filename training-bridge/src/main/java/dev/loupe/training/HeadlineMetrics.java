package dev.loupe.training;

import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.TrainingEpoch;
import java.util.List;
import java.util.Map;

/**
 * The metrics a run is judged by, from results.csv columns: precision, recall, mAP50 and mAP50-95 of
 * the task's own kind of result (boxes {@code (B)} for detect and obb, masks {@code (M)} for segment,
 * keypoints {@code (P)} for pose), top-1 and top-5 accuracy for classify. A value the columns lack is
 * null.
 *
 * @param fitness what Ultralytics keeps best.pt by: the {@code fitness} column where there is one,
 *     else its formula (0.1 mAP50 + 0.9 mAP50-95 summed over boxes, masks and keypoints; the mean of
 *     top-1 and top-5 for classify)
 */
public record HeadlineMetrics(
    Double map50, Double map5095, Double precision, Double recall, Double top1, Double top5, double fitness) {

  /** The headline metrics of one row of results.csv. */
  public static HeadlineMetrics of(Task task, Map<String, Double> values) {
    Double top1 = values.get("metrics/accuracy_top1");
    Double top5 = values.get("metrics/accuracy_top5");
    String kind = switch (task) {
      case SEGMENT -> "M";
      case POSE -> "P";
      default -> "B";
    };
    return new HeadlineMetrics(
        metric(values, "mAP50", kind), metric(values, "mAP50-95", kind), metric(values, "precision", kind),
        metric(values, "recall", kind), top1, top5, fitness(values));
  }

  /** The epoch best.pt holds: the highest fitness (the later one of equals), or null for none. */
  public static TrainingEpoch best(List<TrainingEpoch> epochs) {
    TrainingEpoch best = null;
    double bestFitness = Double.NEGATIVE_INFINITY;
    for (TrainingEpoch epoch : epochs) {
      double f = fitness(epoch.values());
      if (f >= bestFitness) {
        best = epoch;
        bestFitness = f;
      }
    }
    return best;
  }

  static double fitness(Map<String, Double> values) {
    Double column = values.get("fitness");
    if (column != null) {
      return column;
    }
    Double top1 = values.get("metrics/accuracy_top1");
    if (top1 != null) {
      Double top5 = values.get("metrics/accuracy_top5");
      return (top1 + (top5 == null ? top1 : top5)) / 2;
    }
    double sum = 0;
    for (String kind : List.of("B", "M", "P")) {
      Double map50 = metric(values, "mAP50", kind);
      Double map = metric(values, "mAP50-95", kind);
      sum += 0.1 * (map50 == null ? 0 : map50) + 0.9 * (map == null ? 0 : map);
    }
    return sum;
  }

  /** The column {@code metrics/NAME(KIND)}, or null. */
  private static Double metric(Map<String, Double> values, String name, String kind) {
    return values.get("metrics/" + name + "(" + kind + ")");
  }
}
