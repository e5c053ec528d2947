package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.Fixtures;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelMetadataTest {
  @Test
  void yolov8nFixtureIsAClassicDetectModel() throws IOException {
    ModelInfo info = ModelLoader.inspect(Fixtures.require("models/yolov8n_int8.onnx"));
    assertThat(info.format()).isEqualTo("onnx");
    assertThat(info.task()).isEqualTo(Task.DETECT);
    assertThat(info.names()).hasSize(80);
    assertThat(info.names().get(0)).isEqualTo("person");
    assertThat(info.names().get(9)).isEqualTo("traffic light");
    assertThat(info.names().get(79)).isEqualTo("toothbrush");
    assertThat(info.imgszH()).isEqualTo(640);
    assertThat(info.imgszW()).isEqualTo(640);
    assertThat(info.stride()).isEqualTo(32);
    assertThat(info.endToEnd()).isFalse();
    assertThat(info.kptShape()).isNull();
    assertThat(info.channels()).isEqualTo(3);
    assertThat(info.metadata()).containsEntry("version", "8.4.115").containsEntry("head", "Detect");
  }

  @Test
  void yolo26nFixtureIsEndToEnd() throws IOException {
    ModelInfo info = ModelLoader.inspect(Fixtures.require("models/yolo26n_int8.onnx"));
    assertThat(info.task()).isEqualTo(Task.DETECT);
    assertThat(info.endToEnd()).isTrue();
    assertThat(info.names()).hasSize(80);
    assertThat(info.metadata().get("author")).isEqualTo("Ultralytics");
  }

  @Test
  void segmentFixtureHasItsSmallerInput() throws IOException {
    ModelInfo info = ModelLoader.inspect(Fixtures.require("models/yolov8n-seg_int8.onnx"));
    assertThat(info.task()).isEqualTo(Task.SEGMENT);
    assertThat(info.imgszH()).isEqualTo(320);
    assertThat(info.imgszW()).isEqualTo(320);
    assertThat(info.endToEnd()).isFalse();
  }

  @Test
  void readsPoseObbAndNmsExports() throws ModelLoadException {
    Map<String, String> m = new HashMap<>();
    m.put("task", "pose");
    m.put("names", "{0: 'person'}");
    m.put("imgsz", "[384, 640]");
    m.put("kpt_shape", "[17, 3]");
    m.put("stride", "32");
    m.put("args", "{'batch': 1, 'nms': True}");
    ModelInfo info = ModelMetadata.toInfo("onnx", m, "pose.onnx");
    assertThat(info.task()).isEqualTo(Task.POSE);
    assertThat(info.kptShape()).isEqualTo(new KptShape(17, 3));
    assertThat(info.imgszH()).isEqualTo(384);
    assertThat(info.imgszW()).isEqualTo(640);
    assertThat(info.endToEnd()).as("args['nms'] means end-to-end").isTrue();
  }

  @Test
  void namesWithGapsAndListsAndASquareImgsz() throws ModelLoadException {
    ModelInfo info =
        ModelMetadata.toInfo(
            "onnx",
            Map.of("task", "obb", "names", "{0: 'plane', 2: 'ship'}", "imgsz", "1024", "end2end", "False"),
            "obb.onnx");
    assertThat(info.names()).containsExactly("plane", "class1", "ship");
    assertThat(info.imgszH()).isEqualTo(1024);
    assertThat(info.imgszW()).isEqualTo(1024);
    assertThat(info.endToEnd()).isFalse();
    assertThat(ModelMetadata.names(PythonLiteral.parse("['a', 'b']"))).isEqualTo(List.of("a", "b"));
  }

  @Test
  void missingOrBrokenMetadataIsAClearError() {
    assertThatThrownBy(() -> ModelMetadata.toInfo("onnx", Map.of("names", "{0: 'a'}"), "m.onnx"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("m.onnx has no Ultralytics metadata");
    assertThatThrownBy(
            () -> ModelMetadata.toInfo("onnx", Map.of("task", "detect", "names", "{0: 'a'"), "m.onnx"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("m.onnx has metadata Loupe cannot read");
    assertThatThrownBy(() -> ModelMetadata.toInfo("onnx", Map.of("task", "pose", "names", "['p']"), "p.onnx"))
        .hasMessageContaining("pose model without kpt_shape");
  }

  @Test
  void aCheckpointIsRefusedWithTheExportCommand(@TempDir Path dir) throws IOException {
    Path pt = dir.resolve("best.pt");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(pt))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("best/data.pkl"));
      zip.write(new byte[] {(byte) 0x80, 2, '.'});
      zip.closeEntry();
    }
    assertThatThrownBy(() -> ModelLoader.load(pt, EngineOptions.DEFAULTS))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("best.pt is a PyTorch checkpoint")
        .hasMessageContaining("yolo export model=best.pt format=onnx");
    Path notPt = dir.resolve("last.pt");
    Files.writeString(notPt, "not a zip");
    assertThatThrownBy(() -> ModelLoader.inspect(notPt)).hasMessageContaining("yolo export model=last.pt format=onnx");
  }

  @Test
  void unknownFilesAndMissingFilesAreNamed(@TempDir Path dir) throws IOException {
    Path txt = dir.resolve("model.bin");
    Files.writeString(txt, "x");
    assertThatThrownBy(() -> ModelLoader.load(txt, EngineOptions.DEFAULTS))
        .hasMessageContaining("unknown model format: model.bin");
    assertThatThrownBy(() -> ModelLoader.load(dir.resolve("gone.onnx"), EngineOptions.DEFAULTS))
        .hasMessageContaining("model file not found");
    Path junk = Files.writeString(dir.resolve("best.torchscript"), "junk");
    assertThatThrownBy(() -> ModelLoader.load(junk, EngineOptions.DEFAULTS))
        .hasMessage("best.torchscript is not a TorchScript archive (the zip torch.jit.save writes): damaged or not"
            + " an export");
    assertThatThrownBy(() -> ModelLoader.load(dir, EngineOptions.DEFAULTS))
        .hasMessageContaining(" is a folder, not a model file");
    Path garbage = dir.resolve("garbage.onnx");
    Files.writeString(garbage, "this is not protobuf at all, just text");
    assertThatThrownBy(() -> ModelLoader.inspect(garbage)).isInstanceOf(ModelLoadException.class);
  }

  @Test
  void djlRunsOfflineWithoutAnAlternativeEngine(@TempDir Path dir) throws IOException {
    Path file = new ConstantOnnxModel(1, 3, 8, 8).output(new float[] {1}, 1, 1).write(dir.resolve("c.onnx"));
    assertThat(ModelLoader.format(file)).isEqualTo(ModelLoader.Format.ONNX); // ModelLoader set up DJL
    assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
    assertThat(ai.djl.engine.Engine.getEngine("OnnxRuntime").getAlternativeEngine()).isNull();
  }

  @Test
  void deviceAndThreadOptionsAreChecked() {
    assertThat(new EngineOptions(2, "cuda:1").gpuIndex()).isEqualTo(1);
    assertThat(new EngineOptions(0, "0").device()).isEqualTo("gpu:0");
    assertThat(new EngineOptions(0, null).device()).isEqualTo("auto");
    assertThat(new EngineOptions(0, "CPU").cpuOnly()).isTrue();
    assertThatThrownBy(() -> new EngineOptions(0, "tpu")).hasMessageContaining("unknown device 'tpu'");
    assertThatThrownBy(() -> new EngineOptions(-1, "cpu")).hasMessageContaining("threads");
  }
}
