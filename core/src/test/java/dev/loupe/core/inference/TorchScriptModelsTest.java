package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.Task;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TorchScript through DJL's PyTorch engine (CPU libtorch from the classpath), on hand-written archives. */
class TorchScriptModelsTest {
  private static final String CONFIG =
      "{\"description\": \"hand-written\", \"task\": \"detect\", \"batch\": 1, \"imgsz\": [64, 64],"
          + " \"names\": {\"0\": \"cat\", \"1\": \"dog\"}, \"stride\": 32, \"end2end\": true}";

  @TempDir Path dir;

  private Path model() throws IOException {
    float[] rows = new float[4 * 6];
    System.arraycopy(new float[] {10, 12, 30, 40, 0.9f, 1}, 0, rows, 0, 6);
    System.arraycopy(new float[] {1, 2, 3, 4, 0.1f, 0}, 0, rows, 6, 6);
    return new TorchScriptWriter(CONFIG).output(rows, 1, 4, 6).write(dir.resolve("m.torchscript"));
  }

  @Test
  void inspectReadsTheConfigWithoutLoading() throws IOException {
    Path file = model();
    assertThat(ModelLoader.format(file)).isEqualTo(ModelLoader.Format.TORCHSCRIPT);
    ModelInfo info = ModelLoader.inspect(file);
    assertThat(info.format()).isEqualTo("torchscript");
    assertThat(info.task()).isEqualTo(Task.DETECT);
    assertThat(info.names()).containsExactly("cat", "dog");
    assertThat(info.endToEnd()).isTrue();
    assertThat(info.imgszH()).isEqualTo(64);
  }

  @Test
  void aSegmentModelReturnsATupleOfOutputs() throws IOException {
    String config = CONFIG.replace("\"detect\"", "\"segment\"");
    int width = 6 + 32;
    float[] rows = new float[2 * width];
    System.arraycopy(new float[] {8, 16, 40, 48, 0.8f, 0, 1}, 0, rows, 0, 7);
    float[] protos = new float[32 * 16 * 16];
    java.util.Arrays.fill(protos, 0, 256, 5f);
    Path file = new TorchScriptWriter(config).output(rows, 1, 2, width).output(protos, 1, 32, 16, 16)
        .write(dir.resolve("seg.torchscript"));
    try (YoloPredictor predictor = ModelLoader.load(file, EngineOptions.DEFAULTS)) {
      ImagePrediction p = predictor.predict(BgrImage.filled(64, 64, 1, 2, 3), PredictOptions.DEFAULTS);
      assertThat(p.results()).hasSize(1);
      assertThat(p.results().get(0).name()).isEqualTo("cat");
      assertThat(p.results().get(0).segments()).isNotEmpty();
    }
  }

  /** libtorch from the classpath is a CPU build: auto runs on the CPU, an asked-for GPU is refused. */
  @Test
  void autoRunsOnTheCpuAndAnAskedForGpuIsRefused() throws IOException {
    Path file = model();
    try (YoloPredictor predictor = ModelLoader.load(file, new EngineOptions(1, "auto"))) {
      assertThat(predictor.engine()).startsWith("PyTorch").endsWith(" on CPU");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ModelLoader.load(file, new EngineOptions(1, "cuda:0")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessage("device gpu:0 asked for, but PyTorch (libtorch CPU) finds no GPU; use --device cpu or auto");
  }

  @Test
  void predictsThroughLibtorch() throws IOException {
    try (YoloPredictor predictor = ModelLoader.load(model(), new EngineOptions(1, "cpu"))) {
      assertThat(predictor.engine()).startsWith("PyTorch");
      ImagePrediction p = predictor.predict(BgrImage.filled(64, 64, 1, 2, 3), PredictOptions.DEFAULTS);
      assertThat(p.results()).hasSize(1);
      Detection d = p.results().get(0);
      assertThat(d.name()).isEqualTo("dog");
      assertThat(new double[] {d.x1(), d.y1(), d.x2(), d.y2()}).containsExactly(10, 12, 30, 40);
    }
  }
}
