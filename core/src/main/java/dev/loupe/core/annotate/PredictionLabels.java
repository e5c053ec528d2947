package dev.loupe.core.annotate;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a model's predictions (original-image pixels) into labels of a dataset (normalized YOLO
 * geometry, dataset class ids): boxes for detect, the largest polygon for segment (the box's
 * corners when the mask gave none), box and keypoints for pose, the four corners for obb, the top
 * class for classify. Predictions of classes the dataset lacks are dropped.
 *
 * <p>Pose keypoints: a model's third value is a confidence; in a dataset with visibility it becomes
 * 2 (visible) at 0.5 or more, else 0 (not labeled, with x and y 0 as COCO writes them). Keypoints off
 * the image are also 0.
 */
public final class PredictionLabels {
  private final Task task;
  private final ClassMapping classes;
  private final KptShape kptShape;

  /**
   * @param task the dataset's task
   * @param kptShape the dataset's keypoint shape (pose), else null
   */
  public PredictionLabels(Task task, ClassMapping classes, KptShape kptShape) {
    this.task = task;
    this.classes = classes;
    this.kptShape = kptShape;
  }

  /** The labels, in the order of the predictions; confidence below {@code conf} drops a top class. */
  public List<Label> convert(ImagePrediction prediction, double conf) {
    List<Label> labels = new ArrayList<>();
    double w = prediction.width();
    double h = prediction.height();
    if (task == Task.CLASSIFY) {
      if (!prediction.top5().isEmpty()) {
        ClassScore top = prediction.top5().get(0);
        int cls = classes.datasetClass(top.classId());
        if (cls >= 0 && top.confidence() >= conf) {
          labels.add(new ClassLabel(cls));
        }
      }
      return labels;
    }
    for (Detection d : prediction.results()) {
      int cls = classes.datasetClass(d.classId());
      if (cls < 0) {
        continue;
      }
      Label label =
          switch (task) {
            case SEGMENT -> polygon(cls, d, w, h);
            case POSE -> pose(cls, d, w, h);
            case OBB -> obb(cls, d, w, h);
            default -> box(cls, d, w, h);
          };
      if (label != null) {
        labels.add(label);
      }
    }
    return labels;
  }

  /** How many predictions were of classes the dataset lacks. */
  public int unmapped(ImagePrediction prediction) {
    if (task == Task.CLASSIFY) {
      return prediction.top5().isEmpty() || classes.datasetClass(prediction.top5().get(0).classId()) >= 0 ? 0 : 1;
    }
    int n = 0;
    for (Detection d : prediction.results()) {
      if (classes.datasetClass(d.classId()) < 0) {
        n++;
      }
    }
    return n;
  }

  static BoxLabel box(int cls, Detection d, double w, double h) {
    double x1 = clip(d.x1() / w);
    double y1 = clip(d.y1() / h);
    double x2 = clip(d.x2() / w);
    double y2 = clip(d.y2() / h);
    if (x2 <= x1 || y2 <= y1) {
      return null;
    }
    return new BoxLabel(cls, (x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1);
  }

  static Label polygon(int cls, Detection d, double w, double h) {
    double[] best = null;
    double bestArea = 0;
    for (double[] segment : d.segments()) {
      if (segment.length >= 6) {
        double area = Math.abs(area(segment));
        if (best == null || area > bestArea) {
          best = segment;
          bestArea = area;
        }
      }
    }
    if (best == null) {
      BoxLabel b = box(cls, d, w, h);
      if (b == null) {
        return null;
      }
      double x1 = b.cx() - b.w() / 2;
      double x2 = b.cx() + b.w() / 2;
      double y1 = b.cy() - b.h() / 2;
      double y2 = b.cy() + b.h() / 2;
      return new PolygonLabel(cls, Coords.of(x1, y1, x2, y1, x2, y2, x1, y2));
    }
    int n = best.length / 2 * 2;
    double[] points = new double[n];
    for (int i = 0; i < n; i += 2) {
      points[i] = clip(best[i] / w);
      points[i + 1] = clip(best[i + 1] / h);
    }
    return new PolygonLabel(cls, Coords.of(points));
  }

  /** Shoelace area of a polygon given as x0,y0,x1,y1,... */
  private static double area(double[] p) {
    double sum = 0;
    int n = p.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      sum += p[2 * i] * p[2 * j + 1] - p[2 * j] * p[2 * i + 1];
    }
    return sum / 2;
  }

  private Label pose(int cls, Detection d, double w, double h) {
    BoxLabel b = box(cls, d, w, h);
    if (b == null || d.keypoints() == null || kptShape == null) {
      return null;
    }
    int k = kptShape.keypoints();
    int modelDims = d.keypoints().length / k;
    if (modelDims < 2 || d.keypoints().length != k * modelDims) {
      return null;
    }
    int dims = kptShape.dims();
    double[] values = new double[k * dims];
    for (int i = 0; i < k; i++) {
      double x = d.keypoints()[i * modelDims] / w;
      double y = d.keypoints()[i * modelDims + 1] / h;
      double confidence = modelDims >= 3 ? d.keypoints()[i * modelDims + 2] : 1;
      boolean inside = x >= 0 && x <= 1 && y >= 0 && y <= 1;
      if (dims == 3) {
        boolean visible = inside && confidence >= 0.5;
        values[i * 3] = visible ? x : 0;
        values[i * 3 + 1] = visible ? y : 0;
        values[i * 3 + 2] = visible ? 2 : 0;
      } else {
        values[i * 2] = clip(x);
        values[i * 2 + 1] = clip(y);
      }
    }
    return new PoseLabel(cls, b.cx(), b.cy(), b.w(), b.h(), Coords.of(values), dims);
  }

  /** Corners of a rotated box as Ultralytics' xywhr2xyxyxyxy orders them, normalized. */
  static ObbLabel obb(int cls, Detection d, double w, double h) {
    if (d.obb() == null || d.obb().length < 5) {
      return null;
    }
    double cx = d.obb()[0];
    double cy = d.obb()[1];
    double cos = Math.cos(d.obb()[4]);
    double sin = Math.sin(d.obb()[4]);
    double v1x = d.obb()[2] / 2 * cos;
    double v1y = d.obb()[2] / 2 * sin;
    double v2x = -d.obb()[3] / 2 * sin;
    double v2y = d.obb()[3] / 2 * cos;
    return new ObbLabel(
        cls,
        Coords.of(
            (cx + v1x + v2x) / w, (cy + v1y + v2y) / h,
            (cx + v1x - v2x) / w, (cy + v1y - v2y) / h,
            (cx - v1x - v2x) / w, (cy - v1y - v2y) / h,
            (cx - v1x + v2x) / w, (cy - v1y + v2y) / h));
  }

  private static double clip(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
