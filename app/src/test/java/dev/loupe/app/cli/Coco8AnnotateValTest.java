package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.Fixtures;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the real coco8 sample and a real model: yolov8n (int8 ONNX) validates on coco8's
 * val split with mAP50 well above 0, and labels a copy of coco8 whose labels were cleared. Skipped
 * without the fixtures or without an inference engine in the build.
 */
class Coco8AnnotateValTest {
  @TempDir Path dir;

  @Test
  void yolov8nValidatesOnCoco8AndAnnotatesItsImages() {
    Path coco8 = Fixtures.require("coco8");
    Path model = Fixtures.require("models/yolov8n_int8.onnx");
    ModelRuntime engines = ModelRuntime.engines();
    try {
      engines.inspect(model);
    } catch (IllegalStateException e) {
      assumeTrue(false, "no inference engine in this build: skipped (" + e.getMessage() + ")");
    }
    Path workspace = dir.resolve("ws");
    Cli cli = new Cli(workspace).runtime(engines);
    cli.ok("import", coco8.toString(), "--no-thumbnails");
    JsonNode imported = cli.json("models", "import", model.toString());
    assertThat(imported.path("classNames")).hasSize(80);

    JsonNode val = cli.json("val", "--model", "yolov8n-int8", "--dataset", "coco8");
    assertThat(val.path("images").asInt()).isEqualTo(4);
    assertThat(val.has("classDifferences")).isFalse();
    JsonNode all = val.path("metrics").path("box").path("all");
    assertThat(all.path("mAP50").asDouble()).isGreaterThan(0.3);
    assertThat(all.path("mAP50-95").asDouble()).isGreaterThan(0.15).isLessThan(all.path("mAP50").asDouble());
    assertThat(cli.ok("val", "--model", "yolov8n-int8", "--dataset", "coco8", "--device", "cpu", "--threads", "1")
        .out()).contains("Box(P").contains("person");
    if (!ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA)) {
      assertThat(cli.run("val", "--model", "yolov8n-int8", "--dataset", "coco8", "--device", "gpu").err())
          .contains("device gpu:0 asked for, but ONNX Runtime (CPU build) finds no GPU; use --device cpu or auto");
    }

    cli.ok("import", coco8.toString(), "--name", "coco8-auto", "--no-thumbnails");
    try (Workspace ws = Workspace.open(workspace)) {
      for (var image : ws.images().list("coco8-auto", dev.loupe.core.workspace.ImageQuery.all()).images()) {
        ws.labels().put("coco8-auto", image.hash(), List.of());
      }
    }
    JsonNode run = cli.json("annotate", "coco8-auto", "--model", "yolov8n-int8");
    assertThat(run.path("state").asText()).isEqualTo("completed");
    assertThat(run.path("imagesLabeled").asInt()).isGreaterThanOrEqualTo(6);
    assertThat(run.path("labelsAdded").asLong()).isGreaterThan(20);
    // the model's own labels as truth: a second run adds nothing (all overlap), validation scores high
    assertThat(cli.json("annotate", "coco8-auto", "--model", "yolov8n-int8").path("labelsAdded").asLong()).isZero();
    JsonNode self = cli.json("val", "--model", "yolov8n-int8", "--dataset", "coco8-auto");
    assertThat(self.path("metrics").path("box").path("all").path("mAP50").asDouble()).isGreaterThan(0.8);
  }
}
