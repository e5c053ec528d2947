package dev.loupe.training;

import dev.loupe.core.domain.Task;
import java.util.List;

/** The results.csv headers Ultralytics writes for each task (reference, section 6). */
public final class ResultsHeaders {
  private ResultsHeaders() {}

  private static final List<String> LR = List.of("lr/pg0", "lr/pg1", "lr/pg2");

  /** The columns of a task's results.csv, {@code epoch} and {@code time} first. */
  public static List<String> of(Task task) {
    List<String> head = List.of("epoch", "time");
    List<String> box = metrics("B");
    return switch (task) {
      case DETECT -> join(head, List.of("train/box_loss", "train/cls_loss", "train/dfl_loss"), box,
          List.of("val/box_loss", "val/cls_loss", "val/dfl_loss"), LR);
      case SEGMENT -> join(head, List.of("train/box_loss", "train/seg_loss", "train/cls_loss", "train/dfl_loss"),
          box, metrics("M"), List.of("val/box_loss", "val/seg_loss", "val/cls_loss", "val/dfl_loss"), LR);
      case POSE -> join(head,
          List.of("train/box_loss", "train/pose_loss", "train/kobj_loss", "train/cls_loss", "train/dfl_loss"), box,
          metrics("P"), List.of("val/box_loss", "val/pose_loss", "val/kobj_loss", "val/cls_loss", "val/dfl_loss"), LR);
      case OBB -> join(head, List.of("train/box_loss", "train/cls_loss", "train/dfl_loss", "train/angle_loss"), box,
          List.of("val/box_loss", "val/cls_loss", "val/dfl_loss", "val/angle_loss"), LR);
      case CLASSIFY -> join(head, List.of("train/loss", "metrics/accuracy_top1", "metrics/accuracy_top5",
          "val/loss"), LR);
      case SEMANTIC -> throw new IllegalArgumentException("no semantic training");
    };
  }

  private static List<String> metrics(String kind) {
    return List.of("metrics/precision(" + kind + ")", "metrics/recall(" + kind + ")", "metrics/mAP50(" + kind + ")",
        "metrics/mAP50-95(" + kind + ")");
  }

  @SafeVarargs
  private static List<String> join(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  /**
   * The value a fake run writes for a column at an epoch: metrics rise from 0.1 towards 0.9 over
   * the epochs, losses fall, learning rates are 0.01.
   */
  public static double value(String column, int epoch, int epochs) {
    double progress = (double) epoch / epochs;
    if (column.startsWith("metrics/")) {
      double shift = column.contains("mAP50-95") ? 0.6 : column.contains("top5") ? 1.1 : 1.0;
      return Math.round((0.1 + 0.8 * progress) * shift * 1e5) / 1e5;
    }
    if (column.startsWith("lr/")) {
      return 0.01;
    }
    if (column.equals("time")) {
      return 1.5 * epoch;
    }
    return Math.round((2.0 - progress) * 1e5) / 1e5;
  }
}
