package dev.loupe.app.gui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RetryPolicy;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.MockCloud;
import dev.loupe.training.TrainingTestData;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The launch dialog's cloud choice: the GPU stock shown as fetched, and a cloud run launched from it. */
@ExtendWith(ApplicationExtension.class)
class LaunchDialogCloudFxTest {
  @TempDir Path dir;
  private final MockCloud cloud = new MockCloud();
  private Workspace ws;
  private BackgroundTasks tasks;
  private TrainingViewModel vm;

  @Start
  void start(Stage stage) throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    var pets = ws.datasets().require(
        TrainingTestData.importDataset(ws, TrainingTestData.yoloFolder(dir.resolve("pets"), 4, 2, 1), "pets"));
    tasks = BackgroundTasks.create();
    PlatformConnector connector = () -> PlatformClient.builder(cloud.url("/api")).apiKey(ApiKey.parse(MockCloud.KEY))
        .clock(cloud.clock).retryPolicy(RetryPolicy.none()).build();
    vm = new TrainingViewModel(ws, tasks, MockCloud.INSPECTOR, Platform::runLater, connector, cloud.polling);
    TrainingView view = new TrainingView(vm);
    Scene scene = new Scene(view, 1200, 800);
    scene.getStylesheets().add(MainWindow.STYLESHEET);
    stage.setScene(scene);
    stage.show();
    vm.open(pets);
  }

  @AfterEach
  void close() throws Exception {
    tasks.close();
    ws.close();
    cloud.close();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theCloudChoiceShowsTheGpuStockAndLaunchesACloudRun(FxRobot robot) throws Exception {
    cloud.ok("{\"rtx-4090\": \"High\", \"h100-sxm\": \"Low\"}")
        .ok("{\"datasets\": [{\"_id\": \"d1\", \"slug\": \"pets\", \"username\": \"johndoe\"}]}")
        .ok("{\"projects\": [{\"_id\": \"PROJECT_ID\", \"slug\": \"my-project\"}]}")
        .ok("{\"rtx-4090\": \"High\", \"h100-sxm\": \"Low\"}")
        .json(201, "{\"_id\": \"MODEL_ID\"}")
        .ok("{\"jobId\": \"job_1\"}")
        .ok("{\"status\": \"training\", \"currentEpoch\": 1, \"metrics\": {\"mAP50\": 0.4}}")
        .ok("{\"status\": \"failed\", \"error\": \"out of credits\"}");

    robot.clickOn("#train-launch");
    waitFor(() -> robot.lookup("#launch-cloud").tryQuery().isPresent());
    robot.clickOn("#launch-cloud");
    waitFor(() -> robot.lookup("#launch-gpu-stock").queryLabeled().getText().equals("High availability"));
    assertThat(robot.lookup("#launch-device").query().isDisabled()).isTrue();
    robot.interact(() -> robot.lookup("#launch-gpu").queryComboBox().setValue("h100-sxm"));
    waitFor(() -> robot.lookup("#launch-gpu-stock").queryLabeled().getText().equals("Low availability"));
    robot.clickOn("#launch-name").write("cloudy");
    robot.clickOn("#launch-train");

    waitFor(() -> vm.currentProperty().get() != null && !vm.trainingProperty().get());
    TrainingRun run = vm.currentProperty().get();
    assertThat(run.backend()).isEqualTo("cloud");
    assertThat(run.name()).isEqualTo("cloudy");
    assertThat(run.args()).containsEntry("gpuType", "h100-sxm");
    assertThat(run.status()).isEqualTo(TrainingRun.FAILED);
    assertThat(run.message()).contains("out of credits");
  }
}
