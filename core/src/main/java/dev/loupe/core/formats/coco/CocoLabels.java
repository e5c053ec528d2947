package dev.loupe.core.formats.coco;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import java.util.ArrayList;
import java.util.List;

/** Turns the COCO annotations of one image into normalized labels of the dataset's task. */
final class CocoLabels {
  private final Task task;
  private final CocoClasses classes;
  private final KptShape kptShape;
  private final ImportReport report;

  CocoLabels(Task task, CocoClasses classes, KptShape kptShape, ImportReport report) {
    this.task = task;
    this.classes = classes;
    this.kptShape = kptShape;
    this.report = report;
  }

  List<Label> of(CocoFile.Image image, List<CocoFile.Annotation> annotations, String where,
      List<String> problems) {
    List<Label> labels = new ArrayList<>();
    double w = image.width();
    double h = image.height();
    for (CocoFile.Annotation a : annotations) {
      String at = where + " annotation " + a.id();
      if (a.crowd()) {
        report.problem(ImportProblem.CROWD_RLE_SKIPPED, at);
        continue;
      }
      double[] b = a.bbox();
      if (b == null || b.length != 4 || w <= 0 || h <= 0) {
        report.problem(ImportProblem.BAD_ROW, at);
        problems.add(at + ": no bbox [x,y,w,h] or image without width/height");
        continue;
      }
      if (b[2] <= 0 || b[3] <= 0) {
        report.problem(ImportProblem.ZERO_SIZE_BOX, at);
        continue;
      }
      Integer cls = classes.indexById.get(a.categoryId());
      if (cls == null) {
        report.problem(ImportProblem.UNKNOWN_CLASS, at);
        problems.add(at + ": unknown category id " + a.categoryId());
        continue;
      }
      double cx = (b[0] + b[2] / 2) / w;
      double cy = (b[1] + b[3] / 2) / h;
      Label label = switch (task) {
        case POSE -> new PoseLabel(cls, cx, cy, b[2] / w, b[3] / h, keypoints(a, w, h, at, problems), 3);
        case SEGMENT -> polygonOrBox(a, cls, cx, cy, b, w, h);
        default -> new BoxLabel(cls, cx, cy, b[2] / w, b[3] / h);
      };
      double outside = YoloRows.firstOutOfRange(label);
      if (!Double.isNaN(outside)) {
        report.problem(ImportProblem.OUT_OF_RANGE, at);
        problems.add(at + ": coordinate " + outside + " outside [-0.01, 1.01]");
      }
      labels.add(label);
    }
    return labels;
  }

  private Label polygonOrBox(CocoFile.Annotation a, int cls, double cx, double cy, double[] b, double w, double h) {
    if (!a.polygons().isEmpty()) {
      double[] xy = CocoPolygons.merge(a.polygons());
      if (xy.length >= 6 && xy.length % 2 == 0) {
        double[] n = new double[xy.length];
        for (int i = 0; i < xy.length; i += 2) {
          n[i] = xy[i] / w;
          n[i + 1] = xy[i + 1] / h;
        }
        return new PolygonLabel(cls, Coords.of(n));
      }
    }
    return new BoxLabel(cls, cx, cy, b[2] / w, b[3] / h);
  }

  /** Keypoints x/w y/h v; a shorter list (a category with fewer points) is padded unlabeled. */
  private Coords keypoints(CocoFile.Annotation a, double w, double h, String at, List<String> problems) {
    double[] n = new double[kptShape.values()];
    double[] k = a.keypoints();
    if (k == null) {
      return Coords.of(n);
    }
    if (k.length % 3 != 0 || k.length > n.length) {
      report.problem(ImportProblem.BAD_ROW, at);
      problems.add(at + ": " + k.length + " keypoint values, expected " + n.length);
      return Coords.of(n);
    }
    for (int i = 0; i < k.length; i += 3) {
      n[i] = k[i] / w;
      n[i + 1] = k[i + 1] / h;
      n[i + 2] = k[i + 2];
    }
    return Coords.of(n);
  }
}
