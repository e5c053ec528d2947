package dev.loupe.core.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictRunTest {
  @TempDir Path dir;

  private YoloPredictor model() throws IOException {
    float[] rows = new float[10 * 6];
    System.arraycopy(new float[] {10, 10, 20, 20, 0.9f, 0}, 0, rows, 0, 6);
    Path file =
        new ConstantOnnxModel(1, 3, 64, 64)
            .meta("task", "detect").meta("names", "{0: 'a'}").meta("imgsz", "[64, 64]").meta("end2end", "True")
            .output(rows, 1, 10, 6)
            .write(dir.resolve("m.onnx"));
    return ModelLoader.load(file, new EngineOptions(1, "cpu"));
  }

  private List<Path> images(int count) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path f = dir.resolve("img" + i + ".png");
      ImageIO.write(new BufferedImage(32 + i, 20, BufferedImage.TYPE_3BYTE_BGR), "png", f.toFile());
      files.add(f);
    }
    return files;
  }

  @Test
  void outcomesComeInInputOrderWithBadFilesReported() throws IOException {
    List<Path> files = images(7);
    Path broken = dir.resolve("broken.jpg");
    Files.writeString(broken, "nope");
    files.add(3, broken);
    files.add(dir.resolve("missing.png"));
    List<PredictRun.Outcome> outcomes = new ArrayList<>();
    List<Long> progress = new ArrayList<>();
    TaskMonitor monitor = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {
        progress.add(done);
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    };
    try (YoloPredictor predictor = model()) {
      int done = new PredictRun(predictor, 2).run(files, PredictOptions.DEFAULTS, monitor, outcomes::add);
      assertThat(done).isEqualTo(7);
    }
    assertThat(outcomes).extracting(PredictRun.Outcome::image).containsExactlyElementsOf(files);
    assertThat(outcomes.get(3).ok()).isFalse();
    assertThat(outcomes.get(3).error()).contains("broken.jpg");
    assertThat(outcomes.get(8).error()).isEqualTo("file not found");
    assertThat(outcomes.get(5).prediction().width()).isEqualTo(32 + 4);
    assertThat(outcomes.get(5).prediction().results()).hasSize(1);
    assertThat(progress).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }

  @Test
  void aCancelStopsTheRun() throws IOException {
    List<Path> files = images(5);
    List<PredictRun.Outcome> outcomes = new ArrayList<>();
    TaskMonitor cancelAfterTwo = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {}

      @Override
      public boolean isCancelled() {
        return outcomes.size() >= 2;
      }
    };
    try (YoloPredictor predictor = model()) {
      assertThatThrownBy(
              () -> new PredictRun(predictor, 1).run(files, PredictOptions.DEFAULTS, cancelAfterTwo, outcomes::add))
          .isInstanceOf(CancelledException.class);
    }
    assertThat(outcomes).hasSize(2);
  }

  @Test
  void aModelThatFailsStopsTheRunWithTheReason() throws IOException {
    Path file =
        new ConstantOnnxModel(1, 3, 64, 64)
            .meta("task", "detect").meta("names", "{0: 'a', 1: 'b'}")
            .output(new float[5 * 3], 1, 5, 3) // 4 + 1 rows: one class, the metadata names two
            .write(dir.resolve("wrong.onnx"));
    List<PredictRun.Outcome> outcomes = new ArrayList<>();
    try (YoloPredictor predictor = ModelLoader.load(file, EngineOptions.DEFAULTS)) {
      assertThatThrownBy(
              () -> new PredictRun(predictor, 1).run(images(3), PredictOptions.DEFAULTS, TaskMonitor.NONE, outcomes::add))
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasCauseInstanceOf(ModelLoadException.class)
          .hasMessageContaining("the model failed on img0.png")
          .hasMessageContaining("does not fit a detect model with 2 classes");
    }
    assertThat(outcomes).isEmpty();
  }

  @Test
  void aPreparedImageRunsOnce() throws IOException {
    try (YoloPredictor predictor = model()) {
      YoloPredictor.PreparedImage prepared = predictor.prepare(BgrImage.filled(64, 48, 1, 2, 3), PredictOptions.DEFAULTS);
      assertThat(predictor.predict(prepared).height()).isEqualTo(48);
      assertThatThrownBy(() -> predictor.predict(prepared)).hasMessageContaining("predicted already");
    }
  }
}
