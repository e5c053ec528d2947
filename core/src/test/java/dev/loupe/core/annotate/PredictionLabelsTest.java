package dev.loupe.core.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Predictions in a 200 x 100 image become labels of each task, in normalized YOLO geometry. */
class PredictionLabelsTest {
  private static final ClassMapping SAME = ClassMapping.byName(List.of("a", "b"), List.of("a", "b"));

  private static ImagePrediction image(Detection... detections) {
    return new ImagePrediction(100, 200, List.of(detections), List.of());
  }

  private static Detection detection(double[] keypoints, double[] obb, double[]... segments) {
    return new Detection(1, "b", 0.9, 20, 10, 120, 60, List.of(segments), keypoints, obb);
  }

  @Test
  void detectBoxesAreNormalizedAndClippedToTheImage() {
    List<Label> labels =
        new PredictionLabels(Task.DETECT, SAME, null)
            .convert(image(Detection.box(0, "a", 0.9, -10, 10, 100, 110)), 0.25);
    BoxLabel b = (BoxLabel) labels.get(0);
    assertThat(b.cx()).isCloseTo(0.25, within(1e-12));
    assertThat(b.cy()).isCloseTo(0.55, within(1e-12));
    assertThat(b.w()).isCloseTo(0.5, within(1e-12));
    assertThat(b.h()).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void segmentKeepsTheLargestPolygonAndFallsBackToTheBox() {
    double[] small = {0, 0, 10, 0, 10, 10};
    double[] large = {20, 10, 120, 10, 120, 60, 20, 60};
    PredictionLabels convert = new PredictionLabels(Task.SEGMENT, SAME, null);
    PolygonLabel p = (PolygonLabel) convert.convert(image(detection(null, null, small, large)), 0.25).get(0);
    assertThat(p.classId()).isEqualTo(1);
    assertThat(p.points().toArray()).containsExactly(0.1, 0.1, 0.6, 0.1, 0.6, 0.6, 0.1, 0.6);
    PolygonLabel fromBox = (PolygonLabel) convert.convert(image(detection(null, null)), 0.25).get(0);
    assertThat(fromBox.points().toArray())
        .usingComparatorWithPrecision(1e-12)
        .containsExactly(0.1, 0.1, 0.6, 0.1, 0.6, 0.6, 0.1, 0.6);
  }

  @Test
  void poseKeypointsGetVisibilityFromTheirConfidence() {
    double[] keypoints = {100, 50, 0.9, 40, 20, 0.2, 300, 50, 0.9};
    PredictionLabels convert = new PredictionLabels(Task.POSE, SAME, new KptShape(3, 3));
    PoseLabel p = (PoseLabel) convert.convert(image(detection(keypoints, null)), 0.25).get(0);
    assertThat(p.cx()).isCloseTo(0.35, within(1e-12));
    assertThat(p.dims()).isEqualTo(3);
    // visible; low confidence -> not labeled; off the image -> not labeled
    assertThat(p.keypoints().toArray()).containsExactly(0.5, 0.5, 2, 0, 0, 0, 0, 0, 0);
    PoseLabel twoDims =
        (PoseLabel) new PredictionLabels(Task.POSE, SAME, new KptShape(3, 2))
            .convert(image(detection(keypoints, null)), 0.25).get(0);
    assertThat(twoDims.keypoints().toArray()).containsExactly(0.5, 0.5, 0.2, 0.2, 1, 0.5);
  }

  @Test
  void obbCornersFollowUltralyticsOrder() {
    // centre (100, 50), 80 x 40, rotated a quarter turn
    double[] obb = {100, 50, 80, 40, Math.PI / 2};
    ObbLabel o = (ObbLabel) new PredictionLabels(Task.OBB, SAME, null).convert(image(detection(null, obb)), 0.25).get(0);
    assertThat(o.corners().toArray())
        .usingComparatorWithPrecision(1e-9)
        .containsExactly(0.4, 0.9, 0.6, 0.9, 0.6, 0.1, 0.4, 0.1);
  }

  @Test
  void classifyTakesTheTopClassAboveTheThreshold() {
    PredictionLabels convert =
        new PredictionLabels(Task.CLASSIFY, ClassMapping.byName(List.of("x", "a"), List.of("a")), null);
    ImagePrediction top =
        new ImagePrediction(100, 200, List.of(), List.of(new ClassScore(1, "a", 0.8), new ClassScore(0, "x", 0.2)));
    assertThat(convert.convert(top, 0.25)).containsExactly(new ClassLabel(0));
    assertThat(convert.convert(top, 0.9)).isEmpty();
    ImagePrediction unknown =
        new ImagePrediction(100, 200, List.of(), List.of(new ClassScore(0, "x", 0.8)));
    assertThat(convert.convert(unknown, 0.25)).isEmpty();
    assertThat(convert.unmapped(unknown)).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE", "OBB"})
  void everyTaskMapsClassesByNameAndDropsUnknownOnes(Task task) {
    ClassMapping swapped = ClassMapping.byName(List.of("b", "zebra", "a"), List.of("a", "b"));
    double[] kpts = {100, 50, 0.9};
    double[] obb = {100, 50, 80, 40, 0};
    ImagePrediction prediction =
        image(
            new Detection(0, "b", 0.9, 20, 10, 120, 60, List.of(), kpts, obb),
            new Detection(1, "zebra", 0.9, 20, 10, 120, 60, List.of(), kpts, obb),
            new Detection(2, "a", 0.9, 20, 10, 120, 60, List.of(), kpts, obb));
    PredictionLabels convert = new PredictionLabels(task, swapped, new KptShape(1, 3));
    assertThat(convert.convert(prediction, 0.25)).extracting(Label::classId).containsExactly(1, 0);
    assertThat(convert.unmapped(prediction)).isEqualTo(1);
  }

  @Test
  void overlapIsMeasuredOnTheShapesExtentWithinOneClass() {
    OverlapFilter filter = new OverlapFilter(0.7);
    Label existing = new PolygonLabel(0, dev.loupe.core.domain.Coords.of(0.1, 0.1, 0.5, 0.1, 0.5, 0.5, 0.1, 0.5));
    Label same = new BoxLabel(0, 0.3, 0.3, 0.38, 0.4); // IoU 0.95 with the polygon's extent
    Label otherClass = new BoxLabel(1, 0.3, 0.3, 0.4, 0.4);
    Label apart = new BoxLabel(0, 0.8, 0.8, 0.2, 0.2);
    assertThat(filter.keepNew(List.of(existing), List.of(same, otherClass, apart))).containsExactly(otherClass, apart);
    assertThat(filter.keepNew(List.of(new ClassLabel(1)), List.of(new ClassLabel(0)))).isEmpty();
    assertThat(OverlapFilter.iou(new double[] {0, 0, 2, 2}, new double[] {1, 0, 3, 2})).isCloseTo(1 / 3.0, within(1e-12));
  }
}
