package dev.loupe.core.domain;

import java.util.List;

/**
 * The one place where labels become YOLO rows ({@code cls v1 v2 ...}) and back. NDJSON uses the same
 * rows as numbers, YOLO label files as text.
 */
public final class YoloRows {
  /** Ultralytics accepts normalized coordinates in this closed range. */
  public static final double MIN_COORD = -0.01;

  public static final double MAX_COORD = 1.01;

  private YoloRows() {}

  /** The row's values after the class id. */
  public static double[] values(Label label) {
    if (label instanceof BoxLabel b) {
      return new double[] {b.cx(), b.cy(), b.w(), b.h()};
    } else if (label instanceof PolygonLabel p) {
      return p.points().toArray();
    } else if (label instanceof ObbLabel o) {
      return o.corners().toArray();
    } else if (label instanceof PoseLabel p) {
      double[] v = new double[4 + p.keypoints().size()];
      v[0] = p.cx();
      v[1] = p.cy();
      v[2] = p.w();
      v[3] = p.h();
      p.keypoints().copyTo(v, 4);
      return v;
    } else {
      return new double[0];
    }
  }

  /**
   * Reads one row (values after the class id) as the label it denotes in a dataset of the given task.
   * Follows Ultralytics: in a non-pose dataset a row of more than 6 values is a polygon, 8 values in an
   * obb dataset are four corners, a pose row has exactly 4 + K*dims values.
   *
   * @throws IllegalArgumentException with a reason a user can act on
   */
  public static Label parse(Task task, KptShape kptShape, int classId, double[] v) {
    if (classId < 0) {
      throw new IllegalArgumentException("negative class id " + classId);
    }
    for (double d : v) {
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("value " + d + " is not a finite number");
      }
    }
    switch (task) {
      case POSE -> {
        if (kptShape == null) {
          throw new IllegalArgumentException("pose dataset without kpt_shape");
        }
        int expected = 4 + kptShape.values();
        if (v.length != expected) {
          throw new IllegalArgumentException(
              "pose row has " + (v.length + 1) + " values, expected " + (expected + 1)
                  + " for kpt_shape " + kptShape.asList());
        }
        return new PoseLabel(
            classId, v[0], v[1], v[2], v[3], Coords.copyOf(v, 4, v.length - 4), kptShape.dims());
      }
      case CLASSIFY -> {
        if (v.length != 0) {
          throw new IllegalArgumentException("a classify label has no geometry");
        }
        return new ClassLabel(classId);
      }
      default -> {
        if (v.length == 4) {
          return new BoxLabel(classId, v[0], v[1], v[2], v[3]);
        }
        if (v.length == 8 && task == Task.OBB) {
          return new ObbLabel(classId, Coords.of(v));
        }
        if (v.length >= 6 && v.length % 2 == 0) {
          return new PolygonLabel(classId, Coords.of(v));
        }
        throw new IllegalArgumentException(
            "row has " + (v.length + 1) + " values: expected 5 (box), 9 (obb) or an odd count of at"
                + " least 7 (polygon)");
      }
    }
  }

  /**
   * The first coordinate outside Ultralytics' accepted range [-0.01, 1.01], or NaN if all are inside.
   * Pose visibility values are not coordinates and are skipped.
   */
  public static double firstOutOfRange(Label label) {
    double[] v = values(label);
    int dims = label instanceof PoseLabel p ? p.dims() : 0;
    for (int i = 0; i < v.length; i++) {
      if (dims == 3 && i >= 4 && (i - 4) % 3 == 2) {
        continue;
      }
      if (v[i] < MIN_COORD || v[i] > MAX_COORD) {
        return v[i];
      }
    }
    return Double.NaN;
  }

  /** The row as text, each number in its shortest exact plain form. */
  public static String format(Label label) {
    StringBuilder sb = new StringBuilder(64);
    appendRow(sb, label);
    return sb.toString();
  }

  public static void appendRow(StringBuilder sb, Label label) {
    sb.append(label.classId());
    for (double d : values(label)) {
      sb.append(' ');
      appendNumber(sb, d);
    }
  }

  /**
   * Appends {@code d} in the shortest plain decimal that reads back as the same double ({@code 0.5},
   * {@code 2}, {@code 0.0969375}, never an exponent): a value read from a label file is written back
   * exactly as it was given, however many decimals it had.
   */
  public static void appendNumber(StringBuilder sb, double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      sb.append((long) d);
      return;
    }
    double abs = Math.abs(d);
    if (!Double.isFinite(d) || (abs >= 1e-3 && abs < 1e7)) {
      sb.append(d);
    } else {
      sb.append(new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString());
    }
  }

  /** All rows of an image's labels as the text of a YOLO label file. */
  public static String formatFile(List<Label> labels) {
    StringBuilder sb = new StringBuilder(labels.size() * 48);
    for (Label label : labels) {
      if (label instanceof ClassLabel) {
        continue;
      }
      appendRow(sb, label);
      sb.append('\n');
    }
    return sb.toString();
  }
}
