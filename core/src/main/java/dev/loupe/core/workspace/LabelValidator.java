package dev.loupe.core.workspace;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.YoloRows;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks labels against their dataset before they are stored. Structural problems (unknown class,
 * geometry the task cannot hold, a pose with the wrong number of keypoints) reject the change;
 * coordinates a little off the image are kept and flag the image, as an import does.
 */
final class LabelValidator {
  private LabelValidator() {}

  /**
   * @return the label problem to record on the image (coordinates out of range), or null
   * @throws InvalidLabelsException listing every structural problem
   */
  static String validate(Dataset dataset, List<Label> labels) {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      String where = "label " + i + ": ";
      if (label.classId() < 0 || label.classId() >= dataset.classCount()) {
        errors.add(where + "class " + label.classId() + " is not one of the dataset's "
            + dataset.classCount() + " classes (0.." + (dataset.classCount() - 1) + ")");
      }
      String shape = shapeProblem(dataset, label);
      if (shape != null) {
        errors.add(where + shape);
        continue;
      }
      for (double v : YoloRows.values(label)) {
        if (!Double.isFinite(v)) {
          errors.add(where + "value " + v + " is not a finite number");
          break;
        }
      }
      double out = YoloRows.firstOutOfRange(label);
      if (!Double.isNaN(out)) {
        warnings.add(where + "coordinate " + out + " outside [-0.01, 1.01]");
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidLabelsException(errors);
    }
    return warnings.isEmpty() ? null : String.join("; ", warnings);
  }

  private static String shapeProblem(Dataset dataset, Label label) {
    switch (dataset.task()) {
      case CLASSIFY:
        return label instanceof ClassLabel ? null : "a classify dataset takes only image classes";
      case POSE:
        if (!(label instanceof PoseLabel pose)) {
          return "a pose dataset takes only pose labels (box + keypoints)";
        }
        if (pose.keypointCount() != dataset.kptShape().keypoints() || pose.dims() != dataset.kptShape().dims()) {
          return "pose label has " + pose.keypointCount() + "x" + pose.dims() + " keypoint values, the"
              + " dataset's kpt_shape is " + dataset.kptShape().asList();
        }
        return null;
      case OBB:
        return label instanceof ObbLabel || label instanceof BoxLabel ? null
            : "an obb dataset takes oriented boxes (8 corner values) or boxes";
      default:
        return label instanceof BoxLabel || label instanceof PolygonLabel ? null
            : "a " + dataset.task().apiName() + " dataset takes boxes and polygons";
    }
  }
}
