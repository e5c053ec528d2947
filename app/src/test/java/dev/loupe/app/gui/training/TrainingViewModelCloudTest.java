package dev.loupe.app.gui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RetryPolicy;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.CloudTarget;
import dev.loupe.training.MockCloud;
import dev.loupe.training.TrainingTestData;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training view's model with cloud runs and GPU stock, against a scripted platform. */
class TrainingViewModelCloudTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final MockCloud cloud = new MockCloud();
  private Workspace ws;
  private BackgroundTasks tasks;
  private Dataset pets;

  @BeforeEach
  void open() throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    pets = ws.datasets().require(
        TrainingTestData.importDataset(ws, TrainingTestData.yoloFolder(dir.resolve("pets"), 4, 2, 1), "pets"));
    tasks = BackgroundTasks.create();
  }

  @AfterEach
  void close() throws Exception {
    tasks.close();
    ws.close();
    cloud.close();
  }

  private TrainingViewModel model(String url) {
    PlatformConnector connector = () -> PlatformClient.builder(url).apiKey(ApiKey.parse(MockCloud.KEY))
        .clock(cloud.clock).retryPolicy(RetryPolicy.none()).build();
    TrainingViewModel vm = Fx.call(() -> new TrainingViewModel(ws, tasks, MockCloud.INSPECTOR, Platform::runLater,
        connector, cloud.polling));
    Fx.run(() -> vm.open(pets));
    return vm;
  }

  @Test
  void theGpuStockIsFetchedInTheBackgroundAndAnUnreachablePlatformIsSaidPlainly() {
    cloud.ok("{\"rtx-4090\": \"High\", \"h100-sxm\": \"Low\", \"b300\": null}");
    TrainingViewModel vm = model(cloud.url("/api"));
    Fx.run(vm::fetchGpuStock);
    Fx.waitFor(() -> !vm.gpuStockProperty().get().isEmpty(), WAIT);
    assertThat(Fx.call(() -> vm.gpuStockProperty().get())).containsEntry("rtx-4090", "High")
        .containsEntry("b300", null);
    assertThat(Fx.call(() -> vm.cloudMessageProperty().get())).isNull();
    assertThat(LaunchDialog.stockText(vm.gpuStockProperty().get(), "h100-sxm", null)).isEqualTo("Low availability");
    assertThat(LaunchDialog.stockText(vm.gpuStockProperty().get(), "b300", null)).isEqualTo("availability unknown");
    assertThat(LaunchDialog.stockText(vm.gpuStockProperty().get(), "tpu", null)).contains("no GPU type 'tpu'");

    TrainingViewModel offline = model("http://127.0.0.1:1/api");
    Fx.run(offline::fetchGpuStock);
    Fx.waitFor(() -> offline.cloudMessageProperty().get() != null
        && offline.cloudMessageProperty().get().startsWith("Cloud training is not available now"), WAIT);
    assertThat(Fx.call(() -> offline.gpuStockProperty().get())).isEmpty();
  }

  @Test
  void aCloudLaunchFollowsTheRunToItsEndWithItsCurves() {
    cloud.ok("{\"datasets\": [{\"_id\": \"d1\", \"slug\": \"pets\", \"username\": \"johndoe\"}]}")
        .ok("{\"projects\": [{\"_id\": \"PROJECT_ID\", \"slug\": \"my-project\"}]}")
        .ok("{\"rtx-4090\": \"High\"}")
        .json(201, "{\"_id\": \"MODEL_ID\"}")
        .ok("{\"jobId\": \"job_1\"}")
        .ok("{\"status\": \"training\", \"currentEpoch\": 1, \"metrics\": {\"mAP50\": 0.4, \"mAP50-95\": 0.2}}")
        .ok("{\"status\": \"training\", \"currentEpoch\": 2, \"metrics\": {\"mAP50\": 0.6, \"mAP50-95\": 0.3}}")
        .ok("{\"status\": \"completed\", \"metrics\": {\"mAP50\": 0.6, \"mAP50-95\": 0.3}}")
        .ok("{\"downloadUrl\": \"" + cloud.url("/storage/best.pt?sig=a") + "\"}").bytes("PT")
        .json(500, "{\"error\": \"export service down\"}");
    TrainingViewModel vm = model(cloud.url("/api"));
    assertThat(Fx.call(() -> vm.launchCloud(null, vm.defaults().withEpochs(2), new CloudTarget(null, "rtx-4090"))))
        .isTrue();
    Fx.waitFor(() -> !vm.trainingProperty().get(), WAIT);

    TrainingRun run = Fx.call(() -> vm.currentProperty().get());
    assertThat(run.backend()).isEqualTo("cloud");
    assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
    assertThat(run.modelId()).isNotNull();
    assertThat(Fx.call(() -> vm.curves().get(0).epochs().rowCount())).isEqualTo(2);
    assertThat(Fx.call(() -> vm.console())).contains("platform: training, epoch 1", "platform: completed");
    assertThat(Fx.call(() -> vm.runs())).extracting(TrainingRun::id).containsExactly(run.id());
  }
}
