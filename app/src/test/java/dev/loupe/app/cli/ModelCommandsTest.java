package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.Detection;
import dev.loupe.core.inference.ImagePrediction;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Predictor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandsTest {
  private static final ModelInfo CATS =
      new ModelInfo("onnx", Task.DETECT, List.of("cat", "dog"), 640, 640, 32, false, null, 3, Map.of("task", "detect"));

  @TempDir Path dir;

  /** Reads .onnx files as a cat/dog detector that sees a cat in the middle of every image. */
  static final class FakeRuntime implements ModelRuntime {
    /** The engine options the last command asked for. */
    dev.loupe.core.inference.EngineOptions options;

    @Override
    public ModelRuntime with(dev.loupe.core.inference.EngineOptions asked) {
      options = asked;
      return this;
    }

    @Override
    public ModelInfo inspect(Path file) {
      if (file.toString().endsWith(".pt")) {
        throw new IllegalArgumentException("a PyTorch checkpoint cannot be read");
      }
      return CATS;
    }

    @Override
    public Predictor open(Path file) {
      return new Predictor() {
        @Override
        public ModelInfo info() {
          return CATS;
        }

        @Override
        public ImagePrediction predict(Path image, PredictOptions options) throws IOException {
          return predict(ImageIO.read(image.toFile()), options);
        }

        @Override
        public ImagePrediction predict(BufferedImage image, PredictOptions options) {
          int w = image.getWidth();
          int h = image.getHeight();
          return new ImagePrediction(h, w, List.of(Detection.box(0, "cat", 0.9, w / 4.0, h / 4.0, 3 * w / 4.0, 3 * h / 4.0)),
              List.of());
        }

        @Override
        public void close() {}
      };
    }
  }

  private final FakeRuntime runtime = new FakeRuntime();

  private Cli cli() {
    return new Cli(dir.resolve("ws")).runtime(runtime);
  }

  /** A YOLO folder of {@code n} images; even ones carry the cat the fake model sees, odd ones nothing. */
  private Path yolo(int n) throws IOException {
    Path root = dir.resolve("cats");
    Files.createDirectories(root.resolve("images/val"));
    Files.createDirectories(root.resolve("images/train"));
    Files.createDirectories(root.resolve("labels/val"));
    Files.writeString(root.resolve("data.yaml"), "train: images/train\nval: images/val\nnames:\n  0: cat\n  1: dog\n");
    for (int i = 0; i < n; i++) {
      BufferedImage image = new BufferedImage(64 + 8 * i, 48, BufferedImage.TYPE_INT_RGB);
      image.setRGB(i, 1, 0xFFFFFF);
      ImageIO.write(image, "png", root.resolve("images/val/img" + i + ".png").toFile());
      Files.writeString(root.resolve("labels/val/img" + i + ".txt"), i % 2 == 0 ? "0 0.5 0.5 0.5 0.5\n" : "");
    }
    return root;
  }

  @Test
  void projectsAreCreatedShownUpdatedListedAndDeleted() {
    Cli cli = cli();
    JsonNode created = cli.json("projects", "create", "--name", "Detection experiments", "--description", "first");
    for (String key : List.of("_id", "name", "slug", "description", "visibility", "iconColor", "iconLetter",
        "modelCount", "createdAt", "updatedAt")) {
      assertThat(created.has(key)).as(key).isTrue();
    }
    assertThat(created.path("slug").asText()).isEqualTo("detection-experiments");
    assertThat(cli.json("projects", "update", "detection-experiments", "--visibility", "public")
        .path("visibility").asText()).isEqualTo("public");
    assertThat(cli.ok("projects", "show", "detection-experiments").out()).contains("models:      0");
    assertThat(cli.ok("projects", "list").out()).contains("SLUG").contains("detection-experiments");
    assertThat(cli.json("projects", "list").path("total").asInt()).isEqualTo(1);
    assertThat(cli.ok("projects", "delete", "detection-experiments").out()).contains("deleted project");
    assertThat(cli.run("projects", "show", "detection-experiments").err())
        .isEqualTo("loupe: project 'detection-experiments' not found" + System.lineSeparator());
  }

  @Test
  void modelsAreImportedListedShownMovedAndDeleted() throws IOException {
    Cli cli = cli();
    cli.ok("projects", "create", "--name", "Cats");
    Path onnx = Files.writeString(dir.resolve("cats-v1.onnx"), "onnx");
    JsonNode model = cli.json("models", "import", onnx.toString(), "--project", "cats");
    assertThat(model.path("task").asText()).isEqualTo("detect");
    assertThat(model.path("format").asText()).isEqualTo("onnx");
    assertThat(model.path("projectSlug").asText()).isEqualTo("cats");
    assertThat(model.path("classNames").toString()).isEqualTo("[\"cat\",\"dog\"]");
    assertThat(model.path("imgsz").toString()).isEqualTo("[640,640]");
    assertThat(model.path("file").path("size").asLong()).isEqualTo(4);

    assertThat(cli.ok("models", "list").out()).contains("cats-v1").contains("detect").contains("640x640");
    assertThat(cli.json("models", "list", "--project", "cats").path("count").asInt()).isEqualTo(1);
    assertThat(cli.ok("models", "show", "cats-v1").out()).contains("project:     cats").contains("classes:     2 [cat, dog]");
    assertThat(cli.run("projects", "delete", "cats").err()).contains("holds 1 model: move or delete them first");
    assertThat(cli.ok("models", "move", "cats-v1", "--no-project").out()).contains("out of its project");
    cli.ok("projects", "delete", "cats");
    assertThat(cli.ok("models", "delete", "cats-v1").out()).contains("deleted model cats-v1");
    assertThat(cli.ok("models", "list").out()).contains("no models");
  }

  @Test
  void aPtFileIsKeptButAnnotatingWithItSaysHowToExportIt() throws IOException {
    Cli cli = cli();
    cli.ok("import", yolo(2).toString(), "--no-thumbnails");
    Path pt = Files.writeString(dir.resolve("best.pt"), "pickle");
    assertThat(cli.ok("models", "import", pt.toString()).out())
        .contains("task unknown").contains("yolo export model=best.pt format=onnx");
    Cli.Result r = cli.run("annotate", "cats", "--model", "best");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("loupe: model 'best' is a PyTorch checkpoint (.pt), which Loupe cannot run")
        .contains("yolo export model=best.pt format=onnx");
  }

  @Test
  void annotateLabelsUnlabeledImagesAndRevertUndoesIt() throws IOException {
    Cli cli = cli();
    cli.ok("import", yolo(4).toString(), "--no-thumbnails");
    cli.ok("models", "import", Files.writeString(dir.resolve("cats.onnx"), "onnx").toString());
    long before = cli.json("dataset", "show", "cats").path("labelCount").asLong();

    Cli.Result r = cli.ok("annotate", "cats", "--model", "cats", "--unlabeled");
    assertThat(r.out()).contains("annotated 2 images: 2 labels added to 2 images, 0 skipped")
        .doesNotContain("dropped").doesNotContain("classes:");
    String run = r.out().replaceAll("(?s).*run (run_[0-9a-f]+) .*", "$1");
    assertThat(cli.json("dataset", "show", "cats").path("labelCount").asLong()).isEqualTo(before + 2);

    // everything: the labeled images' cats are there already (IoU 1): all skipped
    JsonNode all = cli.json("annotate", "cats", "--model", "cats");
    assertThat(all.path("labelsAdded").asLong()).isZero();
    assertThat(all.path("labelsSkipped").asLong()).isEqualTo(4);
    assertThat(all.path("state").asText()).isEqualTo("completed");

    JsonNode runs = cli.json("annotate", "runs", "cats");
    assertThat(runs.path("total").asInt()).isEqualTo(2);
    assertThat(cli.ok("annotate", "runs", "cats").out()).contains(run).contains("unlabeled");

    assertThat(cli.ok("annotate", "revert", run).out()).contains("labels of 2 images restored");
    assertThat(cli.json("dataset", "show", "cats").path("labelCount").asLong()).isEqualTo(before);
    assertThat(cli.run("annotate", "revert", run).err()).contains("reverted already");
    assertThat(cli.run("annotate", "cats").err()).contains("give a DATASET and --model MODEL");
    assertThat(cli.run("annotate", "cats", "--model", "cats", "--split", "val", "--images", "abc").err())
        .contains("either image hashes or a split");
  }

  @Test
  void valAndAnnotateTakeAModelFileRegisteringItOnce() throws IOException {
    Cli cli = cli();
    cli.ok("import", yolo(4).toString(), "--no-thumbnails");
    Path file = Files.writeString(dir.resolve("best.onnx"), "onnx");

    Cli.Result val = cli.ok("val", "--model", file.toString(), "--dataset", "cats");
    assertThat(val.out()).containsPattern("\\s+all\\s+4\\s+2\\s+0.5\\s+1");
    assertThat(val.err()).startsWith("model best.onnx is best (mdl_");
    // the same bytes under another name are the same model: no second import
    Path copy = Files.copy(file, dir.resolve("copy.onnx"));
    JsonNode run = cli.json("annotate", "cats", "--model", copy.toString(), "--unlabeled");
    assertThat(run.path("labelsAdded").asLong()).isEqualTo(2);
    JsonNode models = cli.json("models", "list");
    assertThat(models.path("count").asInt()).isEqualTo(1);
    assertThat(run.path("modelId").asText()).isEqualTo(models.path("models").get(0).path("_id").asText());

    assertThat(cli.run("val", "--model", dir.resolve("missing.onnx").toString(), "--dataset", "cats").err())
        .contains("model '" + dir.resolve("missing.onnx") + "' not found");
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a model");
    assertThat(cli.run("annotate", "cats", "--model", text.toString()).err())
        .contains("unknown model format: notes.txt (Loupe runs .onnx and .torchscript exports)");
    assertThat(cli.run("val", "--model", dir.toString(), "--dataset", "cats").err())
        .contains(dir + " is not a model file");
    // refused before anything is imported: a checkpoint, a dataset that does not exist
    Path pt = Files.writeString(dir.resolve("best.pt"), "pickle");
    assertThat(cli.run("val", "--model", pt.toString(), "--dataset", "cats").err())
        .contains("yolo export model=best.pt format=onnx");
    Path other = Files.writeString(dir.resolve("other.onnx"), "other weights");
    assertThat(cli.run("annotate", "no-such-dataset", "--model", other.toString()).err())
        .contains("dataset 'no-such-dataset' not found");
    assertThat(cli.json("models", "list").path("count").asInt()).isEqualTo(1);
  }

  @Test
  void valAndAnnotateTakeTheDeviceAndThreadsOfPredict() throws IOException {
    Cli cli = cli();
    cli.ok("import", yolo(2).toString(), "--no-thumbnails");
    cli.ok("models", "import", Files.writeString(dir.resolve("cats.onnx"), "onnx").toString());

    assertThat(cli.ok("val", "--model", "cats", "--dataset", "cats", "--device", "cpu", "--threads", "1").out())
        .contains("all");
    assertThat(runtime.options).isEqualTo(new dev.loupe.core.inference.EngineOptions(1, "cpu"));
    assertThat(cli.json("annotate", "cats", "--model", "cats", "--device", "cuda:0", "--threads", "2")
        .path("state").asText()).isEqualTo("completed");
    assertThat(runtime.options).isEqualTo(new dev.loupe.core.inference.EngineOptions(2, "gpu:0"));
    for (String command : List.of("val", "annotate")) {
      Cli.Result bad = command.equals("val")
          ? cli.run("val", "--model", "cats", "--dataset", "cats", "--device", "tpu")
          : cli.run("annotate", "cats", "--model", "cats", "--device", "tpu");
      assertThat(bad.exit()).as(command).isEqualTo(ErrorReporter.USAGE);
      assertThat(bad.err()).contains("unknown device 'tpu'");
    }
  }

  @Test
  void annotateFailsWhenImagesFailAndKeepsTheOthersLabels() throws IOException {
    FakeRuntime fine = new FakeRuntime();
    ModelRuntime breaksOnOne = new ModelRuntime() {
      @Override
      public ModelInfo inspect(Path file) {
        return fine.inspect(file);
      }

      @Override
      public Predictor open(Path file) {
        Predictor inner = fine.open(file);
        return new Predictor() {
          @Override
          public ModelInfo info() {
            return inner.info();
          }

          @Override
          public ImagePrediction predict(Path image, PredictOptions options) throws IOException {
            return predict(ImageIO.read(image.toFile()), options);
          }

          @Override
          public ImagePrediction predict(BufferedImage image, PredictOptions options) {
            if (image.getWidth() == 72) {
              throw new IllegalStateException("the model broke on this one");
            }
            return inner.predict(image, options);
          }

          @Override
          public void close() {}
        };
      }
    };
    Cli cli = new Cli(dir.resolve("ws")).runtime(breaksOnOne);
    cli.ok("import", yolo(4).toString(), "--no-thumbnails");
    cli.ok("models", "import", Files.writeString(dir.resolve("cats.onnx"), "onnx").toString());

    Cli.Result r = cli.run("annotate", "cats", "--model", "cats", "--unlabeled");

    assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
    assertThat(r.out()).contains("1 labels added to 1 images").contains("1 images failed");
    assertThat(r.err()).contains("loupe: 1 of 2 images failed; first problem: img1.png: ").contains("the model broke");
  }

  @Test
  void valPrintsUltralyticsTableAndJsonPerClass() throws IOException {
    Cli cli = cli();
    cli.ok("import", yolo(4).toString(), "--no-thumbnails");
    cli.ok("models", "import", Files.writeString(dir.resolve("cats.onnx"), "onnx").toString());

    String table = cli.ok("val", "--model", "cats", "--dataset", "cats").out();
    assertThat(table).contains("Class     Images  Instances      Box(P          R      mAP50  mAP50-95)");
    // the fake sees a cat in every image, only the even ones have one: P 0.5, R 1
    assertThat(table).containsPattern("\\s+all\\s+4\\s+2\\s+0.5\\s+1\\s+0\\.\\d+\\s+0\\.\\d+");
    assertThat(table).containsPattern("\\s+cat\\s+2\\s+2\\s+0.5\\s+1");

    JsonNode json = cli.json("val", "--model", "cats", "--dataset", "cats", "--split", "val");
    assertThat(json.path("split").asText()).isEqualTo("val");
    assertThat(json.path("images").asInt()).isEqualTo(4);
    JsonNode box = json.path("metrics").path("box");
    assertThat(box.path("all").path("recall").asDouble()).isEqualTo(1.0);
    assertThat(box.path("all").has("mAP50-95")).isTrue();
    assertThat(box.path("classes").get(0).path("name").asText()).isEqualTo("cat");
    assertThat(box.path("classes").get(0).path("precision").asDouble()).isEqualTo(0.5);
    assertThat(cli.run("val", "--model", "cats", "--dataset", "cats", "--split", "test").err())
        .contains("has no test images to validate on");
  }

  @Test
  void pythonStyleSignificantDigits() {
    assertThat(ValCommand.g(0.5)).isEqualTo("0.5");
    assertThat(ValCommand.g(0.99512)).isEqualTo("0.995");
    assertThat(ValCommand.g(1.0)).isEqualTo("1");
    assertThat(ValCommand.g(0)).isEqualTo("0");
    assertThat(ValCommand.g(0.0123456)).isEqualTo("0.0123");
  }
}
