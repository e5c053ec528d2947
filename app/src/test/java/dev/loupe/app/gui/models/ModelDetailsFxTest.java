package dev.loupe.app.gui.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loupe.app.gui.CenterView;
import dev.loupe.app.gui.MainViewModel;
import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.WindowServices;
import dev.loupe.app.gui.labeling.PreviewLabelingHost;
import dev.loupe.core.Fixtures;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.metrics.ClassMetrics;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.NewTrainingRun;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.training.TrainingTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A click on a model in the sidebar opens its window; its run opens the training view; val fills the class table. */
@ExtendWith(ApplicationExtension.class)
class ModelDetailsFxTest {
  @TempDir Path dir;
  private WindowServices services;
  private MainViewModel model;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    services = new WindowServices(dir.resolve("ws"));
  }

  private void show() {
    WaitForAsyncUtils.asyncFx(() -> {
      model = services.mainViewModel();
      MainWindow window = new MainWindow(model, services.thumbnails,
          new PreviewLabelingHost(services.ws, model.colors(), services.fetcher, Platform::runLater));
      stage.setScene(window.scene(1280, 800));
      stage.show();
      model.start();
    });
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aModelFromARunShowsItsMetricsAndItsRunOpensTheTrainingView(FxRobot robot) throws Exception {
    String pets = TrainingTestData.importDataset(services.ws,
        TrainingTestData.yoloFolder(dir.resolve("pets"), 4, 2, 1), "pets");
    TrainingRun run = services.ws.trainingRuns().create(new NewTrainingRun(pets, null, "local", Task.DETECT, "first",
        Map.of("model", "yolo11n.pt"), 3));
    services.ws.trainingRuns().finish(run.id(), TrainingRun.COMPLETED, null, Map.of("metrics/mAP50(B)", 0.61), null,
        null);
    ModelInfo info = new ModelInfo("onnx", Task.DETECT, List.of("cat", "dog"), 64, 64, 32, false, null, 3,
        Map.of("loupe_training_run", run.id(), "metrics/mAP50(B)", "0.61", "metrics/mAP50-95(B)", "0.33"));
    ModelRecord m = services.ws.models().importFile(Files.write(dir.resolve("first.onnx"), new byte[] {1, 2}),
        NewModel.defaults(), f -> info);
    show();

    robot.clickOn("#sidebar-model-" + m.slug());
    waitFor(() -> robot.lookup("#model-details").tryQuery().isPresent());
    assertThat(robot.lookup("#model-summary").queryLabeled().getText()).contains("onnx · detect · 2 classes");
    assertThat(robot.lookup("#model-metrics").queryAs(javafx.scene.layout.GridPane.class).getChildren())
        .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().equals("mAP50(B)"))
        .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().equals("0.6100"));
    assertThat(robot.lookup("#model-run").queryLabeled().getText()).contains("first").contains("completed");

    robot.clickOn("#model-run");
    waitFor(() -> model.centerViewProperty().get() == CenterView.TRAINING);
    waitFor(() -> !model.training().curves().isEmpty());
    assertThat(model.training().curves()).extracting(c -> c.runId()).containsExactly(run.id());
    assertThat(model.sidebar().selectedProperty().get().slug()).isEqualTo("pets");

    robot.clickOn("#model-export");
    assertThat(robot.lookup("#model-export-message").queryLabeled().getText()).contains("no copy on the platform");
  }

  @Test
  void validatingOnASplitShowsTheFiguresPerClass(FxRobot robot) throws Exception {
    Path coco8 = Fixtures.require("coco8");
    Path onnx = Fixtures.require("models/yolov8n_int8.onnx");
    ModelInfo info;
    try {
      info = TrainingTestData.INSPECTOR.apply(onnx);
    } catch (IllegalStateException e) {
      assumeTrue(false, "no inference engine in this build: skipped (" + e.getMessage() + ")");
      return;
    }
    services.ws.importDataset(coco8, ImportOptions.defaults(), TaskMonitor.NONE);
    ModelRecord m = services.ws.models().importFile(onnx, NewModel.defaults(), f -> info);
    show();

    robot.clickOn("#sidebar-model-" + m.slug());
    waitFor(() -> robot.lookup("#model-validate").tryQuery().isPresent());
    robot.clickOn("#model-validate");
    TableView<ClassMetrics> table = robot.lookup("#model-val-table").queryTableView();
    waitFor(() -> !table.getItems().isEmpty()
        || robot.lookup("#model-val-message").queryLabeled().getText().contains("did not finish"));
    assertThat(robot.lookup("#model-val-message").queryLabeled().getText()).contains("4 images of coco8 val")
        .contains("mAP50");
    assertThat(table.getItems().get(0).name()).isEqualTo("all");
    assertThat(table.getItems()).extracting(ClassMetrics::name).contains("person");
    assertThat(table.getItems().size()).isGreaterThan(2);
  }
}
