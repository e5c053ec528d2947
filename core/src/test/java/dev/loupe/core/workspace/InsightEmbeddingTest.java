package dev.loupe.core.workspace;

import static dev.loupe.core.workspace.InsightTestData.add;
import static dev.loupe.core.workspace.InsightTestData.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.inference.ConstantOnnxModel;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.insight.BuiltinDescriptor;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.EmbedResult;
import dev.loupe.core.insight.SimilarImage;
import dev.loupe.core.insight.SyntheticImages;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightEmbeddingTest {
  @TempDir Path tmp;

  private static byte[] picture(long seed) {
    return SyntheticImages.jpeg(SyntheticImages.picture(seed, 160, 120), 0.9f);
  }

  @Test
  void embeddingMakesOnlyTheVectorsOfNewOrChangedImages() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "d");
      List<String> hashes = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        hashes.add(add(ws, "d", "img" + i + ".jpg", picture(i), Split.TRAIN));
      }
      String id = ws.datasets().require("d").id();
      EmbedOptions options = new EmbedOptions(null, 2);

      assertThat(ws.insight().embed("d", options, TaskMonitor.NONE))
          .isEqualTo(new EmbedResult(id, 5, 0, BuiltinDescriptor.DIMENSION, "builtin"));
      assertThat(ws.insight().embed("d", options, TaskMonitor.NONE))
          .isEqualTo(new EmbedResult(id, 0, 5, BuiltinDescriptor.DIMENSION, "builtin"));

      add(ws, "d", "img5.jpg", picture(5), Split.VAL);
      assertThat(ws.insight().embed("d", options, TaskMonitor.NONE).embedded()).isEqualTo(1);

      // img0 changed: its new content is a new image (another hash)
      ws.images().delete("d", List.of(hashes.get(0)));
      add(ws, "d", "img0.jpg", picture(100), Split.TRAIN);
      EmbedResult changed = ws.insight().embed("d", options, TaskMonitor.NONE);
      assertThat(changed.embedded()).isEqualTo(1);
      assertThat(changed.reused()).isEqualTo(5);
      assertThat(rows(ws, "embedding")).isEqualTo(7);
    }
  }

  @Test
  void theSameContentInAnotherDatasetReusesItsVector() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "a");
      InsightTestData.dataset(ws, "b");
      add(ws, "a", "x.jpg", picture(1), Split.TRAIN);
      add(ws, "b", "y.jpg", picture(1), Split.TRAIN);
      ws.insight().embed("a", EmbedOptions.builtin(), TaskMonitor.NONE);
      EmbedResult b = ws.insight().embed("b", EmbedOptions.builtin(), TaskMonitor.NONE);
      assertThat(b.embedded()).isZero();
      assertThat(b.reused()).isEqualTo(1);
    }
  }

  @Test
  void anUnreadableImageGetsAZeroVectorAndTheOthersTheirs() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "d");
      add(ws, "d", "good.jpg", picture(1), Split.TRAIN);
      String bad = add(ws, "d", "bad.jpg", "not an image".getBytes(), Split.TRAIN);
      EmbedResult result = ws.insight().embed("d", EmbedOptions.builtin(), TaskMonitor.NONE);
      assertThat(result.embedded()).isEqualTo(2);
      float[] zero = new EmbeddingStore(ws.db(), ws.revisions()).vectors(ws.datasets().require("d").id(), "builtin").get(bad);
      assertThat(zero).hasSize(BuiltinDescriptor.DIMENSION).containsOnly(0f);
    }
  }

  @Test
  void aModelWithAVectorOutputEmbedsWithItsOutput() throws IOException {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "d");
      String h = add(ws, "d", "a.jpg", picture(1), Split.TRAIN);
      add(ws, "d", "b.jpg", picture(2), Split.TRAIN);
      float[] output = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f};
      ModelRecord model = register(ws, classify().output(output, 1, 5), "vector.onnx");

      EmbedResult result = ws.insight().embed("d", new EmbedOptions(model.slug(), 1), TaskMonitor.NONE);

      assertThat(result).isEqualTo(new EmbedResult(ws.datasets().require("d").id(), 2, 0, 5, model.id()));
      Map<String, float[]> stored = new EmbeddingStore(ws.db(), ws.revisions()).vectors(result.datasetId(), model.id());
      assertThat(stored.get(h)).containsExactly(output);
      assertThat(ws.insight().embed("d", new EmbedOptions(model.id(), 1), TaskMonitor.NONE).reused()).isEqualTo(2);
      assertThat(ws.insight().similar("d", h, 5, model.id())).hasSize(1);
    }
  }

  @Test
  void aModelWhoseOutputIsNotAVectorIsRefusedAndNothingIsStored() throws IOException {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "d");
      add(ws, "d", "a.jpg", picture(1), Split.TRAIN);
      ModelRecord detect =
          register(ws, classify().meta("task", "detect").output(new float[7 * 20], 1, 7, 20), "detect.onnx");

      assertThatThrownBy(() -> ws.insight().embed("d", new EmbedOptions(detect.id(), 1), TaskMonitor.NONE))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("model '" + detect.slug() + "' gives an output of shape [1, 7, 20], not a vector; embeddings"
              + " need a model whose output is (1, D) or (1, D, 1, 1), such as a YOLO classify export");
      assertThat(rows(ws, "embedding")).isZero();
    }
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "empty");
      assertThatThrownBy(() -> ws.insight().embed("nope", EmbedOptions.builtin(), TaskMonitor.NONE))
          .isInstanceOf(NotFoundException.class).hasMessage("dataset 'nope' not found");
      assertThatThrownBy(() -> ws.insight().embed("empty", EmbedOptions.builtin(), TaskMonitor.NONE))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("dataset 'empty' has no images to embed");
      assertThatThrownBy(() -> ws.insight().embed("empty", new EmbedOptions("no-model", 1), TaskMonitor.NONE))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aCancelledEmbeddingKeepsWholeBatchesOnly() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "d");
      for (int i = 0; i < 3; i++) {
        add(ws, "d", "img" + i + ".jpg", picture(i), Split.TRAIN);
      }
      TaskMonitor cancelled = new TaskMonitor() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
          return true;
        }
      };
      assertThatThrownBy(() -> ws.insight().embed("d", EmbedOptions.builtin(), cancelled))
          .isInstanceOf(CancelledException.class);
      assertThat(rows(ws, "embedding")).isZero();
    }
  }

  @Test
  void similarGivesTheNearestOthersNearestFirst() {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      InsightTestData.dataset(ws, "d");
      BufferedImage original = SyntheticImages.picture(7, 320, 240);
      String a = add(ws, "d", "a.jpg", SyntheticImages.jpeg(original, 0.9f), Split.TRAIN);
      String copy = add(ws, "d", "copy.jpg", SyntheticImages.jpeg(SyntheticImages.resized(original, 0.6), 0.6f), Split.VAL);
      for (int i = 0; i < 6; i++) {
        add(ws, "d", "other" + i + ".jpg", picture(200 + i), Split.TRAIN);
      }
      ws.insight().embed("d", EmbedOptions.builtin(), TaskMonitor.NONE);

      List<SimilarImage> similar = ws.insight().similar("d", a, 4, null);

      assertThat(similar).hasSize(4);
      assertThat(similar).extracting(SimilarImage::hash).doesNotContain(a);
      assertThat(similar.get(0).hash()).isEqualTo(copy);
      assertThat(similar.get(0).filename()).isEqualTo("copy.jpg");
      assertThat(similar.get(0).distance()).isLessThan(0.05);
      for (int i = 1; i < similar.size(); i++) {
        assertThat(similar.get(i).distance()).isGreaterThanOrEqualTo(similar.get(i - 1).distance());
      }
      assertThat(ws.insight().similar("d", a, 100, "builtin")).hasSize(7);

      ws.images().delete("d", List.of(copy));
      assertThat(ws.insight().similar("d", a, 100, null)).extracting(SimilarImage::hash).doesNotContain(copy).hasSize(6);

      assertThatThrownBy(() -> ws.insight().similar("d", "f".repeat(64), 3, null)).isInstanceOf(NotFoundException.class);
      assertThatThrownBy(() -> ws.insight().similar("nope", a, 3, null)).isInstanceOf(NotFoundException.class);
      String fresh = add(ws, "d", "fresh.jpg", picture(300), Split.TRAIN);
      assertThatThrownBy(() -> ws.insight().similar("d", fresh, 3, null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no builtin vector yet");
    }
  }

  private static ConstantOnnxModel classify() {
    return new ConstantOnnxModel(1, 3, 64, 64)
        .meta("task", "classify")
        .meta("names", "{0: 'a', 1: 'b', 2: 'c', 3: 'd', 4: 'e'}")
        .meta("imgsz", "[64, 64]")
        .meta("stride", "32");
  }

  private ModelRecord register(Workspace ws, ConstantOnnxModel model, String name) throws IOException {
    Path file = model.write(tmp.resolve(name));
    return ws.models().registered(file, p -> {
      try {
        return ModelLoader.inspect(p);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
