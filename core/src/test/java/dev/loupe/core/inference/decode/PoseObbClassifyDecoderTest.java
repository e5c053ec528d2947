package dev.loupe.core.inference.decode;

import static dev.loupe.core.inference.decode.TestModels.classic;
import static dev.loupe.core.inference.decode.TestModels.context;
import static dev.loupe.core.inference.decode.TestModels.endToEnd;
import static dev.loupe.core.inference.decode.TestModels.model;
import static dev.loupe.core.inference.decode.TestModels.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ClassScore;
import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoseObbClassifyDecoderTest {
  static List<Detection> decode(ModelInfo model, Tensor output, DecodeContext context) {
    return OutputDecoders.forModel(model).decode(List.of(output), context).results();
  }

  // 640 x 463 into 640 x 640: boxes use the rounded pad 88, keypoints the exact 88.5
  static DecodeContext tall(ModelInfo model) {
    return Letterbox.context(model, PredictOptions.DEFAULTS, 640, 640, 463, 640);
  }

  @Test
  void poseKeypointsUseTheUnroundedPadAndAreClipped() {
    ModelInfo pose = model(Task.POSE, false, new KptShape(2, 3));
    Tensor output =
        classic(
            row(100, 200, 40, 60, 0.9, 0, 0, 90, 180, 0.95, 110, 700, 0.3),
            row(104, 200, 40, 60, 0.8, 0, 0, 1, 1, 1, 1, 1, 1), // suppressed by the first
            row(300, 300, 40, 60, 0.1, 0.2, 0, 1, 1, 1, 1, 1, 1)); // below the threshold

    List<Detection> results = decode(pose, output, tall(pose));

    assertThat(results).hasSize(1);
    Detection person = results.get(0);
    assertThat(person.name()).isEqualTo("cat");
    assertThat(new double[] {person.x1(), person.y1(), person.x2(), person.y2()})
        .containsExactly(new double[] {80, 82, 120, 142}, within(1e-9));
    assertThat(person.keypoints())
        .containsExactly(new double[] {90, 91.5, 0.95, 110, 463, 0.3}, within(1e-6));
  }

  @Test
  void endToEndPoseAndTwoValueKeypoints() {
    ModelInfo pose = model(Task.POSE, true, new KptShape(2, 2));
    Tensor output =
        endToEnd(row(80, 170, 120, 230, 0.9, 1, 90, 180, 110, 700), row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

    List<Detection> results = decode(pose, output, tall(pose));

    assertThat(results).hasSize(1);
    assertThat(results.get(0).name()).isEqualTo("dog");
    assertThat(results.get(0).y1()).isEqualTo(82);
    assertThat(results.get(0).keypoints()).containsExactly(new double[] {90, 91.5, 110, 463}, within(1e-9));
  }

  @Test
  void obbSuppressesTheSameRotatedBoxPerClassAndRegularizes() {
    ModelInfo obb = model(Task.OBB, false);
    double turned = 0.3 - Math.PI / 2;
    Tensor output =
        classic(
            row(100, 200, 40, 20, 0.9, 0, 0, 0.3),
            row(100, 200, 20, 40, 0.8, 0, 0, turned), // the same box described the other way round
            row(100, 200, 20, 40, 0, 0.6, 0, turned), // ... as a dog: another class, kept
            row(500, 300, 30, 30, 0, 0, 0.5, -0.2)); // a square: h >= w, so turned by pi/2

    List<Detection> results = decode(obb, output, context(obb, PredictOptions.DEFAULTS));

    assertThat(results).extracting(Detection::name).containsExactly("cat", "dog", "bird");
    assertThat(results.get(0).obb()).containsExactly(new double[] {100, 120, 40, 20, 0.3}, within(1e-6));
    assertThat(results.get(1).obb()).containsExactly(new double[] {100, 120, 40, 20, 0.3}, within(1e-6));
    assertThat(results.get(2).obb())
        .containsExactly(new double[] {500, 220, 30, 30, Math.PI / 2 - 0.2}, within(1e-6));
    // hull of the corners: half extents |w/2 cos| + |h/2 sin| and |w/2 sin| + |h/2 cos|
    double hx = 20 * Math.cos(0.3) + 10 * Math.sin(0.3);
    double hy = 20 * Math.sin(0.3) + 10 * Math.cos(0.3);
    Detection cat = results.get(0);
    assertThat(new double[] {cat.x1(), cat.y1(), cat.x2(), cat.y2()})
        .containsExactly(new double[] {100 - hx, 120 - hy, 100 + hx, 120 + hy}, within(1e-6));
  }

  @Test
  void obbAgnosticSuppressesAcrossClassesAndEndToEndFiltersOnly() {
    ModelInfo obb = model(Task.OBB, false);
    Tensor output =
        classic(row(100, 200, 40, 20, 0.9, 0, 0, 0.3), row(100, 200, 40, 20, 0, 0.6, 0, 0.3));
    PredictOptions agnostic = new PredictOptions(0.25, 0.7, 0, 300, java.util.Set.of(), true);
    assertThat(decode(obb, output, context(obb, agnostic))).extracting(Detection::name).containsExactly("cat");

    ModelInfo e2e = model(Task.OBB, true);
    Tensor rows =
        endToEnd(
            row(100, 200, 20, 40, 0.9, 2, 0.1),
            row(100, 200, 20, 40, 0.8, 2, 0.1),
            row(0, 0, 0, 0, 0.0, 0, 0));
    List<Detection> results = decode(e2e, rows, context(e2e, PredictOptions.DEFAULTS));
    assertThat(results).extracting(Detection::name).containsExactly("bird", "bird");
    assertThat(results.get(0).obb())
        .containsExactly(new double[] {100, 120, 40, 20, 0.1 + Math.PI / 2}, within(1e-6));
  }

  @Test
  void rotatedBoxesRegularizeIntoZeroToPi() {
    double[] box = {0, 0, 10, 20, -0.5};
    RotatedBoxes.regularize(box);
    assertThat(box).containsExactly(new double[] {0, 0, 20, 10, Math.PI / 2 - 0.5}, within(1e-12));
    double[] wide = {0, 0, 20, 10, 4.0};
    RotatedBoxes.regularize(wide);
    assertThat(wide[4]).isCloseTo(4.0 - Math.PI, within(1e-12));
    assertThat(RotatedBoxes.corners(new double[] {10, 20, 4, 2, 0}))
        .containsExactly(new double[] {12, 21, 12, 19, 8, 19, 8, 21}, within(1e-12));
  }

  @Test
  void classifyGivesTheFiveMostProbableClasses() {
    List<String> names = List.of("a", "b", "c", "d", "e", "f", "g");
    ModelInfo classify = new ModelInfo("onnx", Task.CLASSIFY, names, 224, 224, 32, false, null, 3, Map.of());
    Tensor probs = new Tensor(row(0.05, 0.4, 0.01, 0.2, 0.04, 0.2, 0.1), new long[] {1, 7});
    DecodeContext ctx = Letterbox.context(classify, PredictOptions.DEFAULTS, 224, 224, 300, 400);

    ImagePrediction prediction = OutputDecoders.forModel(classify).decode(List.of(probs), ctx);

    assertThat(prediction.results()).isEmpty();
    assertThat(prediction.width()).isEqualTo(400);
    assertThat(prediction.top5()).extracting(ClassScore::name).containsExactly("b", "d", "f", "g", "a");
    assertThat(prediction.top5()).extracting(ClassScore::classId).containsExactly(1, 3, 5, 6, 0);
    assertThat(prediction.top5().get(0).confidence()).isCloseTo(0.4, within(1e-6));
  }
}
