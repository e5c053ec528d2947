package dev.loupe.core.formats.ndjson;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the {@code annotations} object of one NDJSON image record into labels. Rows are YOLO rows as
 * numbers and go through {@link YoloRows}; the documented alternatives (obb as cls,cx,cy,w,h,angle and
 * pose without its box) are converted first. Bad rows are dropped and recorded, never thrown.
 */
final class NdjsonAnnotations {
  static final List<String> ROW_KEYS = List.of("boxes", "segments", "pose", "obb");

  private final Task task;
  private final KptShape kptShape;
  private final int classCount;

  NdjsonAnnotations(DatasetSpec spec) {
    this.task = spec.task();
    this.kptShape = spec.kptShape();
    this.classCount = spec.classNames().size();
  }

  /**
   * Reads the labels of one record; every problem goes to {@code report} and, as a text naming the
   * line, to {@code problems}.
   */
  List<Label> read(
      JsonNode annotations, Place place, int width, int height, ImportReport report, List<String> problems) {
    List<Label> labels = new ArrayList<>();
    if (annotations == null || annotations.isNull()) {
      return labels;
    }
    JsonNode classification = annotations.get("classification");
    if (classification != null) {
      readClassification(classification, place, labels, report, problems);
    }
    Set<List<Double>> seen = new HashSet<>();
    for (String key : ROW_KEYS) {
      JsonNode rows = annotations.get(key);
      if (rows == null || rows.isNull()) {
        continue;
      }
      if (!rows.isArray()) {
        problem(report, problems, ImportProblem.BAD_ROW, place, "'" + key + "' is not a list of rows");
        continue;
      }
      int index = 0;
      for (JsonNode row : rows) {
        index++;
        Label label = readRow(row, place.row(key, index), width, height, report, problems);
        if (label == null) {
          continue;
        }
        List<Double> identity = identity(label);
        if (!seen.add(identity)) {
          problem(report, problems, ImportProblem.DUPLICATE_ROW, place.row(key, index), "duplicate row dropped");
          continue;
        }
        double outside = YoloRows.firstOutOfRange(label);
        if (!Double.isNaN(outside)) {
          problem(report, problems, ImportProblem.OUT_OF_RANGE, place.row(key, index),
              "coordinate " + outside + " outside [-0.01, 1.01]");
        }
        labels.add(label);
      }
    }
    return labels;
  }

  private void readClassification(
      JsonNode node, Place place, List<Label> labels, ImportReport report, List<String> problems) {
    Place where = place.row("classification", 1);
    JsonNode id = node.isArray() && node.size() > 0 ? node.get(0) : node;
    if (id.isArray() && id.size() > 0) {
      id = id.get(0);
    }
    if (!id.isNumber() || id.asDouble() != Math.rint(id.asDouble())) {
      problem(report, problems, ImportProblem.BAD_ROW, where, "classification is not a class id");
    } else if (id.asInt() < 0 || id.asInt() >= classCount) {
      problem(report, problems, ImportProblem.UNKNOWN_CLASS, where, "unknown class id " + id.asText());
    } else {
      labels.add(new ClassLabel(id.asInt()));
    }
  }

  private Label readRow(
      JsonNode row, Place where, int width, int height, ImportReport report, List<String> problems) {
    if (!row.isArray() || row.size() < 1) {
      problem(report, problems, ImportProblem.BAD_ROW, where, "row is not a list of numbers");
      return null;
    }
    double[] all = new double[row.size()];
    for (int i = 0; i < all.length; i++) {
      JsonNode n = row.get(i);
      if (!n.isNumber()) {
        problem(report, problems, ImportProblem.BAD_ROW, where, "value '" + n + "' is not a number");
        return null;
      }
      all[i] = n.asDouble();
    }
    if (all[0] != Math.rint(all[0])) {
      problem(report, problems, ImportProblem.BAD_ROW, where, "class id " + all[0] + " is not an integer");
      return null;
    }
    int classId = (int) all[0];
    double[] v = Arrays.copyOfRange(all, 1, all.length);
    Label label;
    try {
      label = alternative(classId, v, width, height);
      if (label == null) {
        label = YoloRows.parse(task, kptShape, classId, v);
      }
    } catch (IllegalArgumentException e) {
      problem(report, problems, ImportProblem.BAD_ROW, where, e.getMessage());
      return null;
    }
    if (classId >= classCount) {
      problem(report, problems, ImportProblem.UNKNOWN_CLASS, where, "unknown class id " + classId);
      return null;
    }
    return label;
  }

  /** The documented short forms: obb {@code cls cx cy w h angle}, pose without its box. */
  private Label alternative(int classId, double[] v, int width, int height) {
    if (task == Task.OBB && v.length == 5) {
      return new ObbLabel(classId, Coords.of(RotatedBox.corners(v[0], v[1], v[2], v[3], v[4], width, height)));
    }
    if (task == Task.POSE && kptShape != null && v.length == kptShape.values()) {
      double[] box = RotatedBox.boundsOfLabeled(v, kptShape.dims());
      return new PoseLabel(classId, box[0], box[1], box[2], box[3], Coords.of(v), kptShape.dims());
    }
    return null;
  }

  private static List<Double> identity(Label label) {
    double[] v = YoloRows.values(label);
    List<Double> id = new ArrayList<>(v.length + 1);
    id.add((double) label.classId());
    for (double d : v) {
      id.add(d);
    }
    return id;
  }

  private static void problem(
      ImportReport report, List<String> problems, ImportProblem kind, Place where, String text) {
    report.problem(kind, where.toString());
    problems.add(where + ": " + text);
  }

  /** Where a problem is: file name, line number and, for a row, its key and 1-based index. */
  record Place(String file, int line, String key, int index) {
    Place row(String rowKey, int rowIndex) {
      return new Place(file, line, rowKey, rowIndex);
    }

    @Override
    public String toString() {
      String base = (file == null ? "" : file + " ") + "line " + line;
      return key == null ? base : base + " " + key + " row " + index;
    }
  }
}
