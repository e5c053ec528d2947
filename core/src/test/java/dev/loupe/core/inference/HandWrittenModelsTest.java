package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.Task;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every task end to end through ONNX Runtime (loaded by {@link ModelLoader}, run through DJL,
 * decoded by the task's decoder), on tiny hand-written ONNX models whose outputs are known. The input
 * is 64 x 64 and so is the image: gain 1, no padding, output pixels are image pixels.
 */
class HandWrittenModelsTest {
  private static final String NAMES = "{0: 'cat', 1: 'dog', 2: 'bird'}";
  private static final BgrImage IMAGE = BgrImage.filled(64, 64, 30, 60, 90);

  @TempDir Path dir;

  private ConstantOnnxModel model(String task) {
    return new ConstantOnnxModel(1, 3, 64, 64)
        .meta("task", task)
        .meta("names", NAMES)
        .meta("imgsz", "[64, 64]")
        .meta("stride", "32")
        .meta("description", "hand-written test model");
  }

  private ImagePrediction run(ConstantOnnxModel writer, String name) throws IOException {
    try (YoloPredictor predictor =
        ModelLoader.load(writer.write(dir.resolve(name + ".onnx")), new EngineOptions(1, "cpu"))) {
      assertThat(predictor.engine()).startsWith("ONNX Runtime");
      return predictor.predict(IMAGE, PredictOptions.DEFAULTS);
    }
  }

  /**
   * The device choice as far as this machine can show it: the shipped ONNX Runtime is a CPU build,
   * so auto runs on the CPU, and a GPU asked for by name is refused with a way out, not silently
   * replaced. (Where ONNX Runtime's CUDA provider is present, auto takes GPU 0: not runnable here.)
   */
  @Test
  void autoRunsOnTheCpuOfACpuBuildAndAnAskedForGpuIsRefused() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeFalse(
        ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA),
        "ONNX Runtime has its CUDA provider here");
    float[] rows = new float[300 * 6];
    put(rows, 0, 10, 12, 30, 40, 0.9f, 1);
    Path file = model("detect").meta("end2end", "True").output(rows, 1, 300, 6).write(dir.resolve("device.onnx"));

    try (YoloPredictor predictor = ModelLoader.load(file, new EngineOptions(1, "auto"))) {
      assertThat(predictor.engine()).startsWith("ONNX Runtime").endsWith(" on CPU");
      assertThat(predictor.predict(IMAGE, PredictOptions.DEFAULTS).results()).hasSize(1);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelLoader.load(file, new EngineOptions(1, "gpu")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessage("device gpu:0 asked for, but ONNX Runtime (CPU build) finds no GPU; use --device cpu or auto");
  }

  @Test
  void detectEndToEndKeepsRowsAboveTheConfidence() throws IOException {
    float[] rows = new float[300 * 6];
    put(rows, 0, 10, 12, 30, 40, 0.9f, 1);
    put(rows, 6, 5, 5, 20, 20, 0.2f, 0); // under conf 0.25
    put(rows, 12, 40, 40, 60, 62, 0.5f, 2);
    ImagePrediction p =
        run(model("detect").meta("end2end", "True").output(rows, 1, 300, 6), "detect-e2e");
    assertThat(p.results()).hasSize(2);
    Detection dog = p.results().get(0);
    assertThat(dog.name()).isEqualTo("dog");
    assertThat(dog.confidence()).isCloseTo(0.9, within(1e-6));
    assertThat(new double[] {dog.x1(), dog.y1(), dog.x2(), dog.y2()}).containsExactly(10, 12, 30, 40);
    assertThat(p.results().get(1).name()).isEqualTo("bird");
  }

  @Test
  void detectClassicRunsNmsOnAnchors() throws IOException {
    // (1, 4 + 3, 3 anchors): two overlapping dogs (NMS keeps the better) and a cat
    float[][] anchors = {
      {20, 20, 20, 20, 0, 0.8f, 0}, {21, 20, 20, 20, 0, 0.6f, 0}, {50, 50, 10, 10, 0.4f, 0, 0}
    };
    ImagePrediction p = run(model("detect").output(classic(anchors), 1, 7, 3), "detect");
    assertThat(p.results()).extracting(Detection::name).containsExactly("dog", "cat");
    Detection dog = p.results().get(0);
    assertThat(new double[] {dog.x1(), dog.y1(), dog.x2(), dog.y2()}).containsExactly(10, 10, 30, 30);
  }

  @Test
  void poseKeypointsComeBackInImagePixels() throws IOException {
    // (1, 4 + 3 + 2*3, 2 anchors), kpt_shape [2, 3]
    float[][] anchors = {
      {32, 32, 20, 30, 0.8f, 0, 0, 25, 20, 0.9f, 40, 45, 0.3f},
      {10, 10, 4, 4, 0.1f, 0, 0, 0, 0, 0, 0, 0, 0}
    };
    ImagePrediction p =
        run(model("pose").meta("kpt_shape", "[2, 3]").output(classic(anchors), 1, 13, 2), "pose");
    assertThat(p.results()).hasSize(1);
    Detection d = p.results().get(0);
    assertThat(d.name()).isEqualTo("cat");
    assertThat(new double[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(22, 17, 42, 47);
    assertThat(d.keypoints()).hasSize(6);
    assertThat(d.keypoints()[0]).isCloseTo(25, within(1e-4));
    assertThat(d.keypoints()[1]).isCloseTo(20, within(1e-4));
    assertThat(d.keypoints()[2]).isCloseTo(0.9, within(1e-6));
    assertThat(d.keypoints()[3]).isCloseTo(40, within(1e-4));
    assertThat(d.keypoints()[5]).isCloseTo(0.3, within(1e-6));
  }

  @Test
  void obbKeepsTheRotatedBox() throws IOException {
    // (1, 4 + 3 + 1, 2 anchors): cx, cy, w, h, scores, angle
    float[][] anchors = {{30, 30, 20, 10, 0, 0, 0.7f, 0.3f}, {5, 5, 2, 2, 0, 0, 0.1f, 0}};
    ImagePrediction p = run(model("obb").output(classic(anchors), 1, 8, 2), "obb");
    assertThat(p.results()).hasSize(1);
    Detection d = p.results().get(0);
    assertThat(d.name()).isEqualTo("bird");
    assertThat(d.obb()).hasSize(5);
    assertThat(d.obb()[0]).isCloseTo(30, within(1e-4));
    assertThat(d.obb()[1]).isCloseTo(30, within(1e-4));
    assertThat(d.obb()[2]).isCloseTo(20, within(1e-4));
    assertThat(d.obb()[3]).isCloseTo(10, within(1e-4));
    assertThat(d.obb()[4]).isCloseTo(0.3, within(1e-6));
    assertThat(d.confidence()).isCloseTo(0.7, within(1e-6));
  }

  @Test
  void classifyGivesTheTopClasses() throws IOException {
    ImagePrediction p = run(model("classify").output(new float[] {0.1f, 0.7f, 0.2f}, 1, 3), "cls");
    assertThat(p.results()).isEmpty();
    assertThat(p.top5()).extracting(ClassScore::name).containsExactly("dog", "bird", "cat");
    assertThat(p.top5().get(0).confidence()).isCloseTo(0.7, within(1e-6));
    assertThat(p.height()).isEqualTo(64);
  }

  @Test
  void segmentEndToEndGivesAPolygonInsideItsBox() throws IOException {
    int width = 6 + 32;
    float[] rows = new float[300 * width];
    put(rows, 0, 8, 16, 40, 48, 0.8f, 2);
    rows[6] = 1; // first mask coefficient
    float[] protos = new float[32 * 16 * 16];
    java.util.Arrays.fill(protos, 0, 256, 5f); // prototype 0 positive everywhere: the mask is the box
    ImagePrediction p =
        run(
            model("segment").meta("end2end", "True").output(rows, 1, 300, width).output(protos, 1, 32, 16, 16),
            "seg-e2e");
    assertThat(p.results()).hasSize(1);
    Detection d = p.results().get(0);
    assertThat(d.name()).isEqualTo("bird");
    assertThat(d.segments()).isNotEmpty();
    double[] polygon = d.segments().get(0);
    assertThat(polygon.length).isGreaterThanOrEqualTo(8);
    // the mask is cropped at prototype scale (4 px cells) and then upsampled bilinearly, so its
    // edge may bleed up to half a cell past the box, as in Ultralytics' process_mask
    double minX = 64;
    double maxX = 0;
    for (int i = 0; i < polygon.length; i += 2) {
      assertThat(polygon[i]).isBetween(8.0 - 3, 40.0 + 3);
      assertThat(polygon[i + 1]).isBetween(16.0 - 3, 48.0 + 3);
      minX = Math.min(minX, polygon[i]);
      maxX = Math.max(maxX, polygon[i]);
    }
    assertThat(maxX - minX).as("the polygon spans the box").isGreaterThan(28);
  }

  @ParameterizedTest
  @EnumSource(value = Task.class, names = {"DETECT", "SEGMENT", "POSE", "OBB", "CLASSIFY"})
  void inspectReadsWhatLoadRuns(Task task) throws IOException {
    ConstantOnnxModel w = model(task.apiName()).meta("kpt_shape", "[17, 3]").output(new float[] {1, 2, 3}, 1, 3);
    Path file = w.write(dir.resolve(task.apiName() + ".onnx"));
    ModelInfo info = ModelLoader.inspect(file);
    assertThat(info.task()).isEqualTo(task);
    assertThat(info.names()).containsExactly("cat", "dog", "bird");
    assertThat(info.imgszH()).isEqualTo(64);
    assertThat(OnnxModelFile.read(file).imageInput().shape()).containsExactly(1, 3, 64, 64);
  }

  @Test
  void aDynamicInputTakesTheAskedSizeRoundedToTheStride() throws IOException {
    float[] rows = new float[10 * 6];
    put(rows, 0, 10, 10, 20, 20, 0.9f, 0);
    Path file =
        new ConstantOnnxModel(1, 3, -1, -1)
            .meta("task", "detect").meta("names", NAMES).meta("imgsz", "[64, 64]").meta("end2end", "True")
            .output(rows, 1, 10, 6)
            .write(dir.resolve("dynamic.onnx"));
    try (YoloPredictor predictor = ModelLoader.load(file, EngineOptions.DEFAULTS)) {
      assertThat(predictor.inputSize(PredictOptions.DEFAULTS)).containsExactly(64, 64);
      PredictOptions bigger = new PredictOptions(0.25, 0.7, 100, 300, java.util.Set.of(), false);
      assertThat(predictor.inputSize(bigger)).containsExactly(128, 128);
      // the 64 x 64 image is scaled by 2 into 128: a box at 10..20 in the input is 5..10 in the image
      Detection d = predictor.predict(IMAGE, bigger).results().get(0);
      assertThat(new double[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(5, 5, 10, 10);
      // back at the exported size, through the same session
      d = predictor.predict(IMAGE, PredictOptions.DEFAULTS).results().get(0);
      assertThat(new double[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(10, 10, 20, 20);
    }
  }

  @Test
  void outputsWhoseSizeTheGraphDoesNotDeclareAreReadAfterTheRun() throws Exception {
    float[] rows = new float[10 * 6];
    put(rows, 0, 10, 12, 30, 40, 0.9f, 1);
    put(rows, 6, 5, 5, 9, 9, 0.1f, 0);
    Path file = model("detect").meta("end2end", "True").output(rows, 1, 10, 6).outputSizesUndeclared()
        .write(dir.resolve("undeclared.onnx"));
    try (YoloPredictor predictor = ModelLoader.load(file, EngineOptions.DEFAULTS);
        ai.onnxruntime.OrtSession.SessionOptions options = new ai.onnxruntime.OrtSession.SessionOptions();
        ai.onnxruntime.OrtSession session =
            ai.onnxruntime.OrtEnvironment.getEnvironment().createSession(file.toString(), options)) {
      // the premise: ONNX Runtime cannot tell the output's size before a run
      ai.onnxruntime.TensorInfo info = (ai.onnxruntime.TensorInfo) session.getOutputInfo().get("output0").getInfo();
      assertThat(info.getShape()).containsExactly(1, -1, -1);
    }
    try (YoloPredictor predictor = ModelLoader.load(file, EngineOptions.DEFAULTS)) {
      for (int run = 0; run < 2; run++) {
        List<Detection> results = predictor.predict(IMAGE, PredictOptions.DEFAULTS).results();
        assertThat(results).hasSize(1);
        Detection d = results.get(0);
        assertThat(new double[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(10, 12, 30, 40);
        assertThat(d.classId()).isEqualTo(1);
      }
    }
  }

  @Test
  void predictorsAreThreadSafe() throws Exception {
    float[] rows = new float[300 * 6];
    put(rows, 0, 10, 12, 30, 40, 0.9f, 1);
    Path file = model("detect").meta("end2end", "True").output(rows, 1, 300, 6).write(dir.resolve("mt.onnx"));
    try (YoloPredictor predictor = ModelLoader.load(file, new EngineOptions(1, "cpu"))) {
      List<java.util.concurrent.Callable<ImagePrediction>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        int size = 40 + i * 8;
        calls.add(() -> predictor.predict(BgrImage.filled(size, 64, 1, 2, 3), PredictOptions.DEFAULTS));
      }
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      try {
        List<java.util.concurrent.Future<ImagePrediction>> futures = pool.invokeAll(calls);
        for (int i = 0; i < futures.size(); i++) {
          ImagePrediction p = futures.get(i).get();
          assertThat(p.width()).isEqualTo(40 + i * 8);
          assertThat(p.results()).hasSize(1);
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  private static void put(float[] rows, int at, float... values) {
    System.arraycopy(values, 0, rows, at, values.length);
  }

  /** (channels, anchors) row-major from per-anchor columns. */
  private static float[] classic(float[][] anchors) {
    int channels = anchors[0].length;
    float[] data = new float[channels * anchors.length];
    for (int a = 0; a < anchors.length; a++) {
      for (int c = 0; c < channels; c++) {
        data[c * anchors.length + a] = anchors[a][c];
      }
    }
    return data;
  }
}
