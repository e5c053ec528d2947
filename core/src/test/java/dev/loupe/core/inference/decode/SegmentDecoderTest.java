package dev.loupe.core.inference.decode;

import static dev.loupe.core.inference.decode.TestModels.classic;
import static dev.loupe.core.inference.decode.TestModels.endToEnd;
import static dev.loupe.core.inference.decode.TestModels.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 64 x 64 input with 16 x 16 prototypes of two masks: prototype 0 is 1 everywhere, prototype 1
 * is 1 on the left half (columns 0..7) and -1 on the right. The image is 64 x 48, so pad y is 8.
 */
class SegmentDecoderTest {
  static final ModelInfo SEGMENT =
      new ModelInfo("onnx", Task.SEGMENT, TestModels.NAMES, 64, 64, 32, false, null, 3, Map.of());

  static Tensor prototypes() {
    float[] data = new float[2 * 16 * 16];
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        data[y * 16 + x] = 1;
        data[256 + y * 16 + x] = x < 8 ? 1 : -1;
      }
    }
    return new Tensor(data, new long[] {1, 2, 16, 16});
  }

  static DecodeContext context(ModelInfo model) {
    return Letterbox.context(model, PredictOptions.DEFAULTS, 64, 64, 48, 64);
  }

  /**
   * Box (16,16)-(40,32) is (4,4)-(10,8) at prototype scale: prototype columns 4..9, rows 4..7 kept.
   * Bilinear upsampling (source = x / 4 - 0.375) reaches input columns 14..41 and rows 14..33; the
   * contour's corners (14,14), (14,33), (41,33), (41,14) less the pad (0, 8).
   */
  @Test
  void aMaskIsCroppedAtPrototypeScaleUpsampledAndTracedInImagePixels() {
    Tensor output = classic(row(28, 24, 24, 16, 0.9, 0, 0, 1, 0));

    List<Detection> results =
        OutputDecoders.forModel(SEGMENT).decode(List.of(output, prototypes()), context(SEGMENT)).results();

    assertThat(results).hasSize(1);
    Detection cat = results.get(0);
    assertThat(new double[] {cat.x1(), cat.y1(), cat.x2(), cat.y2()})
        .containsExactly(new double[] {16, 8, 40, 24}, within(1e-9));
    assertThat(cat.segments()).hasSize(1);
    assertThat(cat.segments().get(0))
        .containsExactly(new double[] {14, 6, 14, 25, 41, 25, 41, 6}, within(1e-9));
  }

  /**
   * Coefficients (0.5, 1) give 1.5 left of prototype column 8 and -0.5 right of it; interpolated
   * between columns 7 and 8 the logit crosses 0 at source 7.75 (input x 32.5), so input columns up
   * to 32 are in; past it only negative logits and zeros are mixed.
   */
  @Test
  void theMaskFollowsTheSignOfTheLogits() {
    Tensor output = classic(row(28, 24, 24, 16, 0.9, 0, 0, 0.5, 1));

    Detection cat =
        OutputDecoders.forModel(SEGMENT).decode(List.of(output, prototypes()), context(SEGMENT)).results().get(0);

    assertThat(cat.segments().get(0))
        .containsExactly(new double[] {14, 6, 14, 25, 32, 25, 32, 6}, within(1e-9));
  }

  @Test
  void endToEndRowsCarryTheCoefficientsAfterTheClass() {
    ModelInfo e2e = new ModelInfo("onnx", Task.SEGMENT, TestModels.NAMES, 64, 64, 32, true, null, 3, Map.of());
    Tensor output = endToEnd(row(16, 16, 40, 32, 0.9, 1, 1, 0), row(0, 0, 0, 0, 0, 0, 0, 0));

    List<Detection> results =
        OutputDecoders.forModel(e2e).decode(List.of(prototypes(), output), context(e2e)).results();

    assertThat(results).hasSize(1);
    assertThat(results.get(0).name()).isEqualTo("dog");
    assertThat(results.get(0).segments().get(0))
        .containsExactly(new double[] {14, 6, 14, 25, 41, 25, 41, 6}, within(1e-9));
  }

  @Test
  void aMaskWithNoPositiveLogitHasNoPolygon() {
    Tensor output = classic(row(28, 24, 24, 16, 0.9, 0, 0, -1, 0));

    Detection cat =
        OutputDecoders.forModel(SEGMENT).decode(List.of(output, prototypes()), context(SEGMENT)).results().get(0);

    assertThat(cat.segments()).isEmpty();
    assertThat(cat.confidence()).isCloseTo(0.9, within(1e-6));
  }

  /** x2 = 42 is 10.5 at prototype scale: rounded half to even to 10 below 50 detections, else kept exact. */
  @Test
  void fewDetectionsCropWithRoundedEdgesManyWithExactOnes() {
    PrototypeMasks masks = new PrototypeMasks(prototypes(), 64, 64);
    double[] box = {16, 16, 42, 32};

    PrototypeMasks.Region rounded = masks.mask(new double[] {1, 0}, box, true);
    PrototypeMasks.Region exact = masks.mask(new double[] {1, 0}, box, false);

    assertThat(rounded.x() + rounded.width() - 1).isEqualTo(41);
    assertThat(exact.x() + exact.width() - 1).isEqualTo(45);
    assertThat(exact.x()).isEqualTo(14);
  }
}
