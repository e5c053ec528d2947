package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.Fixtures;
import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.annotate.AnnotateResult;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.AnnotationRun;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.RevertResult;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoAnnotateViewModelTest {
  @TempDir Path dir;

  @Test
  void refuses_to_start_without_a_model() {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Dataset d = ws.datasets().create(dev.loupe.core.workspace.NewDataset.of("d", dev.loupe.core.domain.Task.DETECT, List.of("a")));
      AutoAnnotateViewModel model = Fx.call(() -> new AutoAnnotateViewModel(ws, d, ModelRuntime.engines()));
      assertThat(Fx.call(() -> model.problemProperty().get())).contains("loupe models import");
      assertThat(model.lastRevertible()).isEmpty();
    }
  }

  @Test
  void annotates_the_unlabeled_images_in_the_background_and_reverts_the_run() throws Exception {
    Path coco8 = Fixtures.require("coco8");
    Path modelFile = Fixtures.require("models/yolov8n_int8.onnx");
    ModelRuntime engines = ModelRuntime.engines();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Dataset d = ws.importDataset(coco8, ImportOptions.defaults().withName("coco8"), TaskMonitor.NONE).dataset();
      ws.models().importFile(modelFile, NewModel.defaults(), engines::inspect);
      List<ImageRecord> images = ws.images().list(d.id(), ImageQuery.all()).images();
      // 000000000009.jpg: six detections in the reference predictions
      ImageRecord cleared = images.stream().filter(i -> i.filename().equals("000000000009.jpg")).findFirst().orElseThrow();
      ImageRecord other = images.stream().filter(i -> i != cleared).findFirst().orElseThrow();
      ws.labels().put(d.id(), cleared.hash(), List.of());
      List<?> untouched = ws.labels().get(d.id(), other.hash());

      BackgroundTasks tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), System::nanoTime);
      AutoAnnotateViewModel model = Fx.call(() -> new AutoAnnotateViewModel(ws, d, engines));
      assertThat(Fx.call(() -> model.problemProperty().get())).isNull();
      AtomicReference<AnnotateResult> result = new AtomicReference<>();
      Fx.run(() -> model.start(tasks, result::set));
      Fx.waitFor(() -> result.get() != null, Duration.ofSeconds(60));

      assertThat(result.get().run().imagesTotal()).as("only the unlabeled image").isEqualTo(1);
      assertThat(result.get().run().state()).as(result.get().toString()).isEqualTo(AnnotationRun.COMPLETED);
      assertThat(ws.labels().get(d.id(), cleared.hash())).hasSizeGreaterThanOrEqualTo(4);
      assertThat(ws.labels().get(d.id(), other.hash())).isEqualTo(untouched);

      AnnotationRun run = model.lastRevertible().orElseThrow();
      // a hand edit after the run: the revert is refused and says what forcing it costs
      List<dev.loupe.core.domain.Label> edited = new java.util.ArrayList<>(ws.labels().get(d.id(), cleared.hash()));
      edited.remove(0);
      ws.labels().put(d.id(), cleared.hash(), edited);
      AtomicReference<RevertResult> refused = new AtomicReference<>();
      Fx.run(() -> model.revert(tasks, run, false, refused::set));
      Fx.waitFor(() -> refused.get() != null, Duration.ofSeconds(30));
      assertThat(refused.get().refused()).isTrue();
      assertThat(AutoAnnotateViewModel.refusedMessage(refused.get()))
          .isEqualTo("1 image was edited after the run wrote it. Reverting anyway puts back the labels it had before"
              + " the run, and those edits are lost.");
      assertThat(ws.labels().get(d.id(), cleared.hash())).isEqualTo(edited);
      RevertResult underLaterRuns =
          new RevertResult(run, 0, List.of("a", "b"), List.of("run_later"), List.of(), List.of(), List.of());
      assertThat(AutoAnnotateViewModel.refusedMessage(underLaterRuns))
          .startsWith("Later auto-annotation runs wrote 2 of its images (run_later): revert those first.");

      AtomicReference<RevertResult> reverted = new AtomicReference<>();
      Fx.run(() -> model.revert(tasks, run, true, reverted::set));
      Fx.waitFor(() -> reverted.get() != null, Duration.ofSeconds(30));
      assertThat(ws.labels().get(d.id(), cleared.hash())).isEmpty();
      assertThat(model.lastRevertible()).isEmpty();
      tasks.close();
    }
  }
}
