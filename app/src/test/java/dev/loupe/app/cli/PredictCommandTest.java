package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
  @TempDir Path dir;

  @Test
  void printsThePlatformPredictResponseForAFolder() {
    Path model = Fixtures.require("models/yolov8n_int8.onnx");
    Path images = Fixtures.require("coco8/images/train");
    Cli.Result r = new Cli(dir).ok("predict", "--model", model.toString(), images.toString(), "--json");
    JsonNode json = r.json();
    assertThat(json.get("metadata").get("imageCount").asInt()).isEqualTo(4);
    assertThat(json.get("images")).hasSize(4);
    JsonNode first = json.get("images").get(0);
    assertThat(first.get("file").asText()).endsWith("000000000009.jpg");
    assertThat(first.get("shape").get(0).asInt()).isEqualTo(480);
    assertThat(first.get("shape").get(1).asInt()).isEqualTo(640);
    JsonNode bowl = first.get("results").get(0);
    assertThat(bowl.get("class").asInt()).isEqualTo(45);
    assertThat(bowl.get("name").asText()).isEqualTo("bowl");
    assertThat(bowl.get("confidence").asDouble()).isBetween(0.81, 0.86);
    assertThat(bowl.get("box").get("x1").asDouble()).isBetween(300.0, 310.0);
    assertThat(bowl.get("box").get("x2").asDouble()).isBetween(622.0, 632.0);
    assertThat(bowl.has("segments")).isFalse();
  }

  @Test
  void optionsFilterClassesAndConfidence() {
    Path model = Fixtures.require("models/yolov8n_int8.onnx");
    Path image = Fixtures.require("coco8/images/train/000000000009.jpg");
    JsonNode all = new Cli(dir).json("predict", "--model", model.toString(), image.toString());
    JsonNode bowls =
        new Cli(dir).json("predict", "--model", model.toString(), image.toString(), "--classes", "45", "--conf", "0.5");
    assertThat(all.get("images").get(0).get("results").size()).isGreaterThan(2);
    JsonNode results = bowls.get("images").get(0).get("results");
    assertThat(results).isNotEmpty();
    for (JsonNode result : results) {
      assertThat(result.get("class").asInt()).isEqualTo(45);
      assertThat(result.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.5);
    }
    assertThat(new Cli(dir).json("predict", "--model", model.toString(), image.toString(), "--max-det", "1")
            .get("images").get(0).get("results")).hasSize(1);
    Cli.Result fixed = new Cli(dir).ok("predict", "--model", model.toString(), image.toString(), "--imgsz", "320");
    assertThat(fixed.err()).contains("the model takes 640x640 inputs (--imgsz 320 does not apply to its fixed input)");
    Cli.Result unknown =
        new Cli(dir).ok("predict", "--model", model.toString(), image.toString(), "--classes", "45,999");
    assertThat(unknown.err()).contains("--classes [999] is not among the model's 80 classes (0-79)");
    Cli.Result workers = new Cli(dir).run("predict", "--model", model.toString(), image.toString(), "--workers", "-1");
    assertThat(workers.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(workers.err()).contains("--workers must be 0 (the default) or more, got -1");
  }

  @Test
  void segmentResultsCarryTheirPolygon() {
    Path model = Fixtures.require("models/yolov8n-seg_int8.onnx");
    Path image = Fixtures.require("coco8/images/train/000000000009.jpg");
    JsonNode result =
        new Cli(dir).json("predict", "--model", model.toString(), image.toString()).get("images").get(0).get("results").get(0);
    JsonNode segments = result.get("segments");
    assertThat(segments.get("x").size()).isGreaterThan(3).isEqualTo(segments.get("y").size());
    double x1 = result.get("box").get("x1").asDouble();
    double x2 = result.get("box").get("x2").asDouble();
    for (JsonNode x : segments.get("x")) {
      assertThat(x.asDouble()).isBetween(x1 - 10, x2 + 10); // a mask cell is 8 px here
    }
  }

  @Test
  void aBadImageIsReportedAndTheOthersGoOn() throws IOException {
    Path model = Fixtures.require("models/yolov8n_int8.onnx");
    Path images = Files.createDirectories(dir.resolve("imgs"));
    Files.copy(Fixtures.require("coco8/images/train/000000000009.jpg"), images.resolve("a.jpg"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(images.resolve("b.jpg"), "not a jpeg");
    byte[] whole = Files.readAllBytes(Fixtures.require("coco8/images/train/000000000034.jpg"));
    Files.write(images.resolve("d.jpg"), java.util.Arrays.copyOf(whole, whole.length / 2));
    Files.copy(Fixtures.require("coco8/images/train/000000000030.jpg"), images.resolve("c.jpg"));
    Cli.Result r = new Cli(dir).run("predict", "--model", model.toString(), images.toString(), "--json");
    assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(r.err()).contains("b.jpg").contains("1 of 4 images could not be read");
    assertThat(r.err()).contains("d.jpg: truncated JPEG (no end-of-image marker); predicted on what decodes");
    JsonNode json = r.json();
    assertThat(json.get("metadata").get("imageCount").asInt()).isEqualTo(3);
    assertThat(json.get("images").get(1).get("file").asText()).endsWith("c.jpg");
  }

  @Test
  void tableOutputListsObjects() {
    Path model = Fixtures.require("models/yolo26n_int8.onnx");
    Path image = Fixtures.require("coco8/images/train/000000000009.jpg");
    Cli.Result r = new Cli(dir).ok("predict", "--model", model.toString(), image.toString(), "--threads", "1", "--device", "cpu");
    assertThat(r.out()).contains("000000000009.jpg (640x480):").contains("CLASS").contains("bowl");
  }

  @Test
  void everyTaskPrintsItsShape() throws IOException {
    Path image = dir.resolve("a.png");
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_3BYTE_BGR),
        "png", image.toFile());
    // pose: one anchor (cx, cy, w, h, score, 2 keypoints x, y, v) in a 64 x 64 input; the image sits 16 px down
    Path pose = new dev.loupe.core.inference.ConstantOnnxModel(1, 3, 64, 64)
        .meta("task", "pose").meta("names", "{0: 'person'}").meta("kpt_shape", "[2, 3]")
        .output(new float[] {32, 32, 10, 10, 0.9f, 30, 20, 0.8f, 34, 40, 0.7f}, 1, 11, 1)
        .write(dir.resolve("pose.onnx"));
    JsonNode person = new Cli(dir).json("predict", "--model", pose.toString(), image.toString())
        .get("images").get(0).get("results").get(0);
    assertThat(person.get("keypoints").get("x").toString()).isEqualTo("[30.0,34.0]");
    assertThat(person.get("keypoints").get("y").toString()).isEqualTo("[4.0,24.0]");
    assertThat(person.get("box").get("y1").asDouble()).isEqualTo(11.0);
    Path cls = new dev.loupe.core.inference.ConstantOnnxModel(1, 3, 64, 64)
        .meta("task", "classify").meta("names", "{0: 'cat', 1: 'dog'}")
        .output(new float[] {0.3f, 0.7f}, 1, 2)
        .write(dir.resolve("cls.onnx"));
    Cli.Result table = new Cli(dir).ok("predict", "--model", cls.toString(), image.toString());
    assertThat(table.out()).contains("a.png (64x32)").containsPattern("1\\s+dog\\s+0\\.700");
    Path wrong = new dev.loupe.core.inference.ConstantOnnxModel(1, 3, 64, 64)
        .meta("task", "obb").meta("names", "{0: 'ship'}").output(new float[7], 1, 7, 1).write(dir.resolve("obb.onnx"));
    Cli.Result failed = new Cli(dir).run("predict", "--model", wrong.toString(), image.toString());
    assertThat(failed.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(failed.errLines()).hasSize(1);
    assertThat(failed.err()).startsWith("loupe: the model failed on a.png:");
  }

  @Test
  void aCheckpointOrAMissingModelIsAOneLineError() throws IOException {
    Path pt = dir.resolve("best.pt");
    Files.writeString(pt, "x");
    Cli.Result r = new Cli(dir).run("predict", "--model", pt.toString(), dir.toString());
    assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(r.errLines()).as(r.err()).hasSize(1);
    assertThat(r.err()).contains("yolo export model=best.pt format=onnx");
    Cli.Result bad = new Cli(dir).run("predict", "--model", pt.toString(), "x.jpg", "--device", "tpu");
    assertThat(bad.exit()).isEqualTo(ErrorReporter.USAGE);
    assertThat(bad.err()).contains("unknown device 'tpu'");
    // a model of the workspace by its slug, where no file of that name exists
    Path ws = dir.resolve("ws");
    new Cli(ws).ok("models", "import", Fixtures.require("models/yolov8n_int8.onnx").toString());
    JsonNode bySlug = new Cli(ws).json("predict", "--model", "yolov8n-int8",
        Fixtures.require("coco8/images/train/000000000009.jpg").toString());
    assertThat(bySlug.get("images").get(0).get("results")).isNotEmpty();
    assertThat(new Cli(ws).run("predict", "--model", "no-such-model", "x.jpg").err())
        .contains("model file not found: no-such-model");
    Cli.Result folder = new Cli(dir).run("predict", "--model", dir.toString(), "x.jpg");
    assertThat(folder.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(folder.err()).contains(dir + " is a folder, not a model file");
  }
}
