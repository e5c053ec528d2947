package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.training.FakeYolo;
import dev.loupe.training.TrainingTestData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loupe val} and {@code loupe models export} of a .pt checkpoint through the repository's fake
 * yolo (no Python).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake yolo's launcher is a shell script")
class YoloValCommandTest {
  @TempDir Path dir;
  private Cli cli;
  private String yolo;
  private String checkpoint;

  @BeforeEach
  void trainedCheckpoint() throws IOException {
    cli = new Cli(dir.resolve("ws")).runtime(ModelRuntime.engines());
    Path folder = TrainingTestData.yoloFolder(dir.resolve("pets"), 6, 3, 1);
    cli.ok("import", folder.toString(), "--name", "pets", "--no-thumbnails");
    yolo = FakeYolo.install(dir.resolve("bin"), Map.of()).toString();
    JsonNode run = cli.json("train", "pets", "--local", "--epochs", "1", "--imgsz", "64", "--yolo", yolo);
    checkpoint = run.get("run").get("model").asText();
  }

  @Test
  void validatesACheckpointWithYoloIntoValsJsonShape() throws IOException {
    Cli.Result r = cli.run("val", "--model", checkpoint, "--dataset", "pets", "--yolo", yolo, "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = r.json();
    assertThat(json.get("dataset").asText()).isEqualTo("pets");
    assertThat(json.get("split").asText()).isEqualTo("val");
    assertThat(json.get("images").asInt()).isEqualTo(4);
    JsonNode all = json.get("metrics").get("box").get("all");
    assertThat(all.get("instances").asInt()).isEqualTo(8);
    assertThat(all.get("precision").asDouble()).isEqualTo(0.812);
    assertThat(all.get("recall").asDouble()).isEqualTo(0.745);
    assertThat(all.get("mAP50").asDouble()).isEqualTo(0.801);
    assertThat(all.get("mAP50-95").asDouble()).isEqualTo(0.533);
    assertThat(dir.resolve("ws").resolve("yolo-val").resolve(checkpoint)).as("the exported copy is not kept")
        .doesNotExist();

    Cli.Result table = cli.run("val", "--model", checkpoint, "--dataset", "pets", "--yolo", yolo);
    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("Box(P").contains("0.801");
  }

  @Test
  void withoutYoloSaysHowToInstallUltralytics() {
    Cli.Result r = cli.run("val", "--model", checkpoint, "--dataset", "pets", "--yolo", "/no/such/yolo");
    assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(r.err()).contains("is not an executable program").contains("pip install ultralytics");
    Cli.Result export = cli.run("models", "export", checkpoint, "--format", "onnx", "--yolo", "/no/such/yolo");
    assertThat(export.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(export.err()).contains("pip install ultralytics");
  }

  @Test
  void exportsACheckpointToOnnxRegisteredAsAModelNamingItsSource() throws IOException {
    Cli.Result r = cli.run("models", "export", checkpoint, "--format", "onnx", "--imgsz", "64", "--yolo", yolo,
        "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("export success");
    JsonNode model = r.json();
    assertThat(model.get("_id").asText()).isNotEqualTo(checkpoint);
    assertThat(model.toString()).contains("loupe_exported_from").contains(checkpoint);
    JsonNode shown = cli.json("models", "show", model.get("_id").asText());
    assertThat(shown.toString()).contains("onnx");
    // the ONNX model runs on Loupe's own engine
    Cli.Result val = cli.run("val", "--model", model.get("_id").asText(), "--dataset", "pets", "--json");
    assertThat(val.exit()).as(val.err()).isZero();
    assertThat(val.json().has("engine")).isFalse();
  }

  @Test
  void exportsOtherFormatsUnderTheWorkspacesExportsFolder() throws IOException {
    Cli.Result r = cli.run("models", "export", checkpoint, "--format", "openvino", "--yolo", yolo, "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    Path path = Path.of(r.json().get("path").asText());
    assertThat(path).startsWith(dir.resolve("ws").resolve("exports")).isDirectory();
    assertThat(path.resolve("model.bin")).isRegularFile();
    Cli.Result onnxAgain = cli.run("models", "export", checkpoint, "--format", "onnx", "--yolo", yolo);
    assertThat(onnxAgain.exit()).as(onnxAgain.err()).isZero();
    assertThat(onnxAgain.out()).startsWith("exported ");
  }
}
