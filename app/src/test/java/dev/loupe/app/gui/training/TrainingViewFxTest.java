package dev.loupe.app.gui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.MainViewModel;
import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.WindowServices;
import dev.loupe.app.gui.labeling.PreviewLabelingHost;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.training.FakeYolo;
import dev.loupe.training.TrainingTestData;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The training view in the real window: Ctrl+4 opens it, the launch dialog trains on the fake yolo. */
@ExtendWith(ApplicationExtension.class)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake yolo's launcher is a shell script")
class TrainingViewFxTest {
  private static final int EPOCHS = 5;

  @TempDir Path dir;
  private WindowServices services;
  private MainViewModel model;

  @Start
  void start(Stage stage) throws Exception {
    services = new WindowServices(dir.resolve("ws"));
    TrainingTestData.importDataset(services.ws, TrainingTestData.yoloFolder(dir.resolve("pets"), 6, 3, 1), "pets");
    model = services.mainViewModel();
    model.training().yoloProgramProperty().set(
        FakeYolo.install(dir.resolve("bin"), Map.of("FAKE_YOLO_EPOCH_MILLIS", "1000")));
    MainWindow window = new MainWindow(model, services.thumbnails,
        new PreviewLabelingHost(services.ws, model.colors(), services.fetcher, Platform::runLater));
    stage.setScene(window.scene(1280, 800));
    stage.show();
    model.start();
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static int points(LineChart<Number, Number> chart) {
    return chart.getData().isEmpty() ? 0 : chart.getData().get(0).getData().size();
  }

  @Test
  void aRunLaunchedFromTheDialogGrowsTheChartsEpochByEpoch(FxRobot robot) throws Exception {
    waitFor(() -> model.sidebar().selectedProperty().get() != null);
    robot.clickOn("#view-training");
    TrainingView view = robot.lookup("#training-view").queryAs(TrainingView.class);
    waitFor(view::isVisible);
    assertThat(robot.lookup("#training-yolo-message").tryQuery().map(n -> n.isVisible()).orElse(false)).isFalse();

    robot.clickOn("#train-launch");
    waitFor(() -> robot.lookup("#launch-epochs").tryQuery().isPresent());
    Spinner<Integer> epochs = robot.lookup("#launch-epochs").queryAs(Spinner.class);
    robot.interact(() -> epochs.getValueFactory().setValue(EPOCHS));
    robot.clickOn("#launch-name").write("live");
    robot.clickOn("#launch-train");
    waitFor(() -> model.training().currentProperty().get() != null || model.tasks().errorProperty().get() != null);
    assertThat(model.tasks().errorProperty().get()).isNull();

    LineChart<Number, Number> map50 = view.chart(EpochChart.MAP50);
    waitFor(() -> points(map50) >= 1);
    int first = points(map50);
    waitFor(() -> points(map50) > first);
    waitFor(() -> !model.training().trainingProperty().get());
    assertThat(points(map50)).isEqualTo(EPOCHS);
    assertThat(view.chart(EpochChart.LOSSES).getData()).isNotEmpty();
    assertThat(points(view.chart(EpochChart.LEARNING_RATE))).isEqualTo(EPOCHS);
    TrainingRun run = model.training().currentProperty().get();
    assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
    assertThat(robot.lookup("#training-final-metrics").queryLabeled().getText()).contains("live: completed");
    assertThat(robot.lookup("#training-runs").queryTableView().getItems()).hasSize(1);

    robot.clickOn("#train-open-model");
    waitFor(() -> robot.lookup("#training-model-details").queryLabeled().isVisible());
    assertThat(robot.lookup("#training-model-details").queryLabeled().getText()).contains("run");
  }

  @Test
  void ctrl4ShowsTheTrainingView(FxRobot robot) throws Exception {
    waitFor(() -> model.sidebar().selectedProperty().get() != null);
    robot.clickOn("#dataset-title");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    waitFor(() -> robot.lookup("#training-view").query().isVisible());
    assertThat(model.centerViewProperty().get()).isEqualTo(dev.loupe.app.gui.CenterView.TRAINING);
  }
}
