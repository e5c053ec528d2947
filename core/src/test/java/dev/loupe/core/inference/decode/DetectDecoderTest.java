package dev.loupe.core.inference.decode;

import static dev.loupe.core.inference.decode.TestModels.classic;
import static dev.loupe.core.inference.decode.TestModels.context;
import static dev.loupe.core.inference.decode.TestModels.endToEnd;
import static dev.loupe.core.inference.decode.TestModels.model;
import static dev.loupe.core.inference.decode.TestModels.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.OutputDecoder;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectDecoderTest {
  static final ModelInfo DETECT = model(Task.DETECT, false);

  /**
   * Five anchors of a 3-class model, cx,cy,w,h then scores cat, dog, bird. In a 640 x 480 image
   * letterboxed into 640 x 640 (pad y 80): anchor 0 is a cat at (80,170)-(120,230) input, (80,90)-
   * (120,150) original; anchor 1 the same cat moved by 2 px (IoU 0.849 with anchor 0); anchor 2
   * that box as a dog; anchor 3 below the threshold (best 0.24); anchor 4 a bird crossing the
   * right and bottom edges.
   */
  static final Tensor OUTPUT =
      classic(
          row(100, 200, 40, 60, 0.9, 0.1, 0.05),
          row(102, 202, 40, 60, 0.8, 0.0, 0.0),
          row(102, 202, 40, 60, 0.0, 0.6, 0.0),
          row(300, 300, 50, 50, 0.2, 0.24, 0.1),
          row(620, 540, 60, 60, 0.0, 0.1, 0.5));

  static List<Detection> decode(Tensor output, PredictOptions options) {
    return decode(DETECT, output, options);
  }

  static List<Detection> decode(ModelInfo model, Tensor output, PredictOptions options) {
    OutputDecoder decoder = OutputDecoders.forModel(model);
    ImagePrediction prediction = decoder.decode(List.of(output), context(model, options));
    assertThat(prediction.width()).isEqualTo(640);
    assertThat(prediction.height()).isEqualTo(480);
    assertThat(prediction.top5()).isEmpty();
    return prediction.results();
  }

  static void assertBox(Detection d, String name, double conf, double x1, double y1, double x2, double y2) {
    assertThat(d.name()).isEqualTo(name);
    assertThat(d.classId()).isEqualTo(TestModels.NAMES.indexOf(name));
    assertThat(d.confidence()).isCloseTo(conf, within(1e-6));
    assertThat(new double[] {d.x1(), d.y1(), d.x2(), d.y2()})
        .containsExactly(new double[] {x1, y1, x2, y2}, within(1e-9));
  }

  @Test
  void classicOutputKeepsTheBestOfEachOverlapPerClassMappedToTheImageAndClipped() {
    List<Detection> results = decode(OUTPUT, PredictOptions.DEFAULTS);

    assertThat(results).hasSize(3);
    assertBox(results.get(0), "cat", 0.9, 80, 90, 120, 150);
    assertBox(results.get(1), "dog", 0.6, 82, 92, 122, 152);
    assertBox(results.get(2), "bird", 0.5, 590, 430, 640, 480);
    assertThat(results.get(0).segments()).isEmpty();
    assertThat(results.get(0).keypoints()).isNull();
    assertThat(results.get(0).obb()).isNull();
  }

  @Test
  void agnosticNmsSuppressesAcrossClasses() {
    PredictOptions agnostic = new PredictOptions(0.25, 0.7, 0, 300, Set.of(), true);

    List<Detection> results = decode(OUTPUT, agnostic);

    assertThat(results).extracting(Detection::name).containsExactly("cat", "bird");
  }

  @Test
  void anIouThresholdAboveTheOverlapKeepsBothCats() {
    List<Detection> results = decode(OUTPUT, PredictOptions.DEFAULTS.withIou(0.85));

    assertThat(results).extracting(Detection::name).containsExactly("cat", "cat", "dog", "bird");
    assertBox(results.get(1), "cat", 0.8, 82, 92, 122, 152);
  }

  @Test
  void classesFilterMaxDetAndConfidenceApply() {
    PredictOptions dogsAndBirds = new PredictOptions(0.25, 0.7, 0, 300, Set.of(1, 2), false);
    assertThat(decode(OUTPUT, dogsAndBirds)).extracting(Detection::name).containsExactly("dog", "bird");

    PredictOptions one = new PredictOptions(0.25, 0.7, 0, 1, Set.of(), false);
    assertThat(decode(OUTPUT, one)).extracting(Detection::name).containsExactly("cat");

    // 0.6 as float is 0.60000002, above 0.6; 0.5 is exact and not above 0.5
    assertThat(decode(OUTPUT, PredictOptions.DEFAULTS.withConf(0.5)))
        .extracting(Detection::name)
        .containsExactly("cat", "dog");
    assertThat(decode(OUTPUT, PredictOptions.DEFAULTS.withConf(0.95))).isEmpty();
  }

  @Test
  void validationDecoderMakesOneRowPerClassAboveTheThreshold() {
    Tensor output = classic(row(100, 200, 40, 60, 0.7, 0.4, 0.01));
    PredictOptions val = PredictOptions.DEFAULTS.withConf(0.001);

    ImagePrediction predict = OutputDecoders.forModel(DETECT).decode(List.of(output), context(DETECT, val));
    ImagePrediction validate =
        OutputDecoders.forValidation(DETECT).decode(List.of(output), context(DETECT, val));

    assertThat(predict.results()).extracting(Detection::name).containsExactly("cat");
    assertThat(validate.results()).extracting(Detection::name).containsExactly("cat", "dog", "bird");
    assertBox(validate.results().get(1), "dog", 0.4, 80, 90, 120, 150);
  }

  @Test
  void theBestScoreIsFoundInAnyClassRowForOddAndEvenClassCounts() {
    for (int nc = 1; nc <= 5; nc++) {
      List<String> names = java.util.stream.IntStream.range(0, nc).mapToObj(i -> "c" + i).toList();
      ModelInfo model = new ModelInfo("onnx", Task.DETECT, names, 640, 640, 32, false, null, 3, java.util.Map.of());
      // anchor k: its best score (0.8) in class k, far apart so none suppresses another; a last
      // anchor with NaN in its last class, as a broken export could give, is not kept
      float[][] anchors = new float[nc + 1][];
      for (int k = 0; k <= nc; k++) {
        float[] a = new float[4 + nc];
        a[0] = 50 + 100 * k;
        a[1] = 300;
        a[2] = 20;
        a[3] = 20;
        java.util.Arrays.fill(a, 4, 4 + nc, 0.1f);
        a[4 + Math.min(k, nc - 1)] = k < nc ? 0.8f : Float.NaN;
        anchors[k] = a;
      }

      List<Detection> results = decode(model, classic(anchors), PredictOptions.DEFAULTS);

      assertThat(results).as("%d classes", nc).extracting(Detection::classId)
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, nc).boxed().toList());
      assertThat(results).extracting(Detection::confidence).allSatisfy(c -> assertThat(c).isCloseTo(0.8, within(1e-6)));
    }
  }

  @Test
  void scoresTiedKeepTheirAnchorOrder() {
    Tensor output = classic(row(300, 300, 20, 20, 0.5, 0, 0), row(100, 100, 20, 20, 0.5, 0, 0));

    List<Detection> results = decode(output, PredictOptions.DEFAULTS);

    assertBox(results.get(0), "cat", 0.5, 290, 210, 310, 230);
    assertBox(results.get(1), "cat", 0.5, 90, 10, 110, 30);
  }

  @Test
  void endToEndOutputIsFilteredByConfidenceOnly() {
    ModelInfo e2e = model(Task.DETECT, true);
    Tensor output =
        endToEnd(
            row(80, 170, 120, 230, 0.9, 0),
            row(82, 172, 122, 232, 0.8, 0), // overlaps the first: no NMS end-to-end
            row(590, 510, 650, 570, 0.5, 2),
            row(10, 90, 20, 100, 0.2, 1),
            row(0, 0, 0, 0, 0, 0)); // padding

    assertThat(decode(e2e, output, PredictOptions.DEFAULTS))
        .extracting(Detection::name)
        .containsExactly("cat", "cat", "bird");
    List<Detection> results = decode(e2e, output, PredictOptions.DEFAULTS);
    assertBox(results.get(2), "bird", 0.5, 590, 430, 640, 480);
    PredictOptions birdsOrTwo = new PredictOptions(0.1, 0.7, 0, 2, Set.of(0, 1), false);
    assertThat(decode(e2e, output, birdsOrTwo)).extracting(Detection::confidence)
        .containsExactly((double) 0.9f, (double) 0.8f);
    PredictOptions dogs = new PredictOptions(0.1, 0.7, 0, 300, Set.of(1), false);
    assertBox(decode(e2e, output, dogs).get(0), "dog", 0.2, 10, 10, 20, 20);
  }

  @Test
  void theShapeTellsAnEndToEndOutputFromAClassicOne() {
    // the metadata lacks end2end, but (1, 2, 6) cannot be a classic output of 3 classes
    Tensor output = endToEnd(row(80, 170, 120, 230, 0.9, 1), row(0, 0, 0, 0, 0, 0));

    assertBox(decode(output, PredictOptions.DEFAULTS).get(0), "dog", 0.9, 80, 90, 120, 150);
  }

  @Test
  void boxesOfALargerImageAreDividedByTheGain() {
    // 1000 x 750 into 640 x 640: gain 0.64, resized 640 x 480, pad y 80
    var ctx = Letterbox.context(DETECT, PredictOptions.DEFAULTS, 640, 640, 750, 1000);
    assertThat(ctx.gain()).isEqualTo(0.64);
    assertThat(ctx.padX()).isEqualTo(0);
    assertThat(ctx.padY()).isEqualTo(80);

    Detection cat = OutputDecoders.forModel(DETECT).decode(List.of(OUTPUT), ctx).results().get(0);

    assertBox(cat, "cat", 0.9, 125, 140.625, 187.5, 234.375);
  }

  @Test
  void letterboxPadRoundsHalfToEvenAfterTakingATenth() {
    // 640 x 463 into 640: dh = 177 / 2 = 88.5, minus 0.1 = 88.4 -> 88 (bottom gets 89)
    var ctx = Letterbox.context(DETECT, PredictOptions.DEFAULTS, 640, 640, 463, 640);
    assertThat(ctx.padY()).isEqualTo(88);
    // 637 x 640 into 640: dw = 1.5 - 0.1 = 1.4 -> 1
    assertThat(Letterbox.context(DETECT, PredictOptions.DEFAULTS, 640, 640, 640, 637).padX()).isEqualTo(1);
    // 639 x 640: dw = 0.5 - 0.1 = 0.4 -> 0
    assertThat(Letterbox.context(DETECT, PredictOptions.DEFAULTS, 640, 640, 640, 639).padX()).isEqualTo(0);
  }

  @Test
  void anOutputOfTheWrongShapeIsRefusedWithTheExpectedShape() {
    Tensor output = new Tensor(new float[2 * 9 * 4], new long[] {1, 9, 8});

    assertThatThrownBy(() -> decode(output, PredictOptions.DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[1, 9, 8]")
        .hasMessageContaining("expected (1, 7, anchors) or end-to-end (1, rows, 6)");
  }
}
