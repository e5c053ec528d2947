package dev.loupe.app.gui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.FakeYolo;
import dev.loupe.training.TrainingTestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The training view's model against the repository's fake yolo, with no window. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake yolo's launcher is a shell script")
class TrainingViewModelTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Workspace ws;
  private BackgroundTasks tasks;
  private TrainingViewModel vm;
  private Dataset pets;

  @BeforeEach
  void open() throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    String id = TrainingTestData.importDataset(ws, TrainingTestData.yoloFolder(dir.resolve("pets"), 6, 3, 1), "pets");
    pets = ws.datasets().require(id);
    tasks = BackgroundTasks.create();
    vm = Fx.call(() -> new TrainingViewModel(ws, tasks, TrainingTestData.INSPECTOR, Platform::runLater));
  }

  @AfterEach
  void close() {
    tasks.close();
    ws.close();
  }

  private void useFake(Map<String, String> env) throws Exception {
    Path yolo = FakeYolo.install(dir.resolve("bin" + env.hashCode()), env);
    Fx.run(() -> {
      vm.yoloProgramProperty().set(yolo);
      vm.open(pets);
    });
  }

  @Test
  void aLaunchedRunShowsEachEpochThenCompletesWithItsModel() throws Exception {
    useFake(Map.of());
    assertThat(Fx.call(() -> vm.yoloMessageProperty().get())).isNull();
    assertThat(Fx.call(() -> vm.launch(null, vm.defaults().withEpochs(3).withImgsz(64).withBatch(4)
        .withName("first")))).isTrue();
    Fx.waitFor(() -> !vm.trainingProperty().get(), WAIT);

    TrainingRun run = Fx.call(() -> vm.currentProperty().get());
    assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
    assertThat(run.modelId()).isNotNull();
    assertThat(Fx.call(() -> vm.runs().stream().map(TrainingRun::id).toList())).containsExactly(run.id());
    RunCurves live = Fx.call(() -> vm.curves().get(0));
    assertThat(live.runId()).isEqualTo(run.id());
    assertThat(live.epochs().rowCount()).isEqualTo(3);
    assertThat(live.epochs().curves(EpochChart.MAP50).get(0).points())
        .extracting(EpochTable.Point::epoch).containsExactly(1, 2, 3);
    assertThat(live.epochs().curves(EpochChart.MAP50).get(0).points().get(2).value()).isEqualTo(0.9);
    assertThat(live.epochs().curves(EpochChart.LOSSES)).extracting(EpochTable.Curve::name)
        .contains("train/box_loss");
    assertThat(Fx.call(() -> vm.console())).isNotEmpty();
    assertThat(TrainingViewModel.finalMetrics(run)).contains("mAP50(B) 0.9000");

    Fx.run(vm::openModel);
    assertThat(Fx.call(() -> vm.modelDetailsProperty().get())).contains(ws.models().require(run.modelId()).name());
  }

  @Test
  void cancellingEndsTheRunCancelled() throws Exception {
    useFake(Map.of("FAKE_YOLO_EPOCH_MILLIS", "300"));
    Fx.run(() -> vm.launch(null, vm.defaults().withEpochs(500).withImgsz(64)));
    Fx.waitFor(() -> vm.curves().size() == 1 && vm.curves().get(0).epochs().rowCount() >= 1, WAIT);
    Fx.run(vm::cancel);
    Fx.waitFor(() -> !vm.trainingProperty().get(), WAIT);

    TrainingRun run = Fx.call(() -> vm.currentProperty().get());
    assertThat(run.status()).isEqualTo(TrainingRun.CANCELLED);
    assertThat(run.modelId()).isNull();
    assertThat(Fx.call(() -> vm.runs().get(0).status())).isEqualTo(TrainingRun.CANCELLED);
  }

  @Test
  void withoutYoloItSaysHowToInstallUltralyticsAndStartsNothing() {
    Fx.run(() -> {
      vm.yoloProgramProperty().set(dir.resolve("no-such-yolo"));
      vm.open(pets);
    });
    assertThat(Fx.call(() -> vm.yoloMessageProperty().get())).contains("pip install ultralytics");
    assertThat(Fx.call(() -> vm.launch(null, vm.defaults()))).isFalse();
    assertThat(Fx.call(() -> vm.trainingProperty().get())).isFalse();
    assertThat(ws.trainingRuns().list()).isEmpty();
  }

  @Test
  void choosingPastRunsShowsTheirCurvesSideBySide() throws Exception {
    useFake(Map.of());
    for (String name : List.of("one", "two")) {
      Fx.run(() -> vm.launch(null, vm.defaults().withEpochs(2).withImgsz(64).withName(name)));
      Fx.waitFor(() -> !vm.trainingProperty().get(), WAIT);
    }
    Fx.run(() -> vm.open(pets));
    List<String> ids = Fx.call(() -> vm.runs().stream().map(TrainingRun::id).toList());
    Fx.run(() -> vm.choose(ids));
    assertThat(Fx.call(() -> vm.curves().stream().map(RunCurves::label).toList()))
        .containsExactlyInAnyOrder("one", "two");
  }
}
