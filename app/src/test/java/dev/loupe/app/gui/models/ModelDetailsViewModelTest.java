package dev.loupe.app.gui.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.RetryPolicy;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.NewTrainingRun;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.training.FakeYolo;
import dev.loupe.training.LocalTrainingBackend;
import dev.loupe.training.MockCloud;
import dev.loupe.training.TrainArgs;
import dev.loupe.training.TrainRequest;
import dev.loupe.training.TrainingListener;
import dev.loupe.training.YoloCli;
import dev.loupe.training.TrainingTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model's details with no window: metrics, run, what val and export refuse, an export on a scripted
 * platform, a checkpoint's val and export through the fake yolo.
 */
class ModelDetailsViewModelTest {
  @TempDir Path dir;
  private final MockCloud cloud = new MockCloud();
  private Workspace ws;
  private BackgroundTasks tasks;
  private String pets;

  @BeforeEach
  void open() throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    pets = TrainingTestData.importDataset(ws, TrainingTestData.yoloFolder(dir.resolve("pets"), 4, 2, 1), "pets");
    tasks = BackgroundTasks.create();
  }

  @AfterEach
  void close() throws Exception {
    tasks.close();
    ws.close();
    cloud.close();
  }

  private ModelDetailsViewModel details(ModelRecord m) {
    return Fx.call(() -> new ModelDetailsViewModel(ws, tasks, file -> {
      throw new IllegalStateException("no engines in this test");
    }, () -> PlatformClient.builder(cloud.url("/api")).apiKey(ApiKey.parse(MockCloud.KEY)).clock(cloud.clock)
        .retryPolicy(RetryPolicy.none()).build(), cloud.polling, MockCloud.INSPECTOR, m));
  }

  private ModelRecord model(String file, Map<String, String> metadata) throws Exception {
    ModelInfo info = new ModelInfo("onnx", Task.DETECT, List.of("cat", "dog"), 64, 64, 32, false, null, 3, metadata);
    return ws.models().importFile(Files.write(dir.resolve(file), file.getBytes()), NewModel.defaults(), f -> info);
  }

  @Test
  void aTrainedModelShowsItsMetricsItsRunAndTheDatasetItWasTrainedOn() throws Exception {
    TrainingRun run = ws.trainingRuns().create(new NewTrainingRun(pets, null, "cloud", Task.DETECT, "first",
        Map.of("model", "yolo11n.pt"), 2));
    ModelRecord m = model("first.onnx", Map.of("loupe_training_run", run.id(), "metrics/mAP50(B)", "0.61",
        "fitness", "0.35", "metrics/note", "not a number"));
    ModelDetailsViewModel vm = details(m);
    assertThat(vm.metrics()).containsExactly(new ModelDetailsViewModel.Metric("fitness", 0.35),
        new ModelDetailsViewModel.Metric("mAP50(B)", 0.61));
    assertThat(vm.run()).map(TrainingRun::id).contains(run.id());
    assertThat(vm.defaultDataset()).map(d -> d.slug()).contains("pets");
    assertThat(vm.summary()).startsWith("onnx · detect · 2 classes · 64x64 · first.onnx");
    List<TrainingRun> opened = new ArrayList<>();
    vm.setOnOpenRun(opened::add);
    vm.openRun();
    assertThat(opened).extracting(TrainingRun::id).containsExactly(run.id());
  }

  @Test
  void aCheckpointIsNotValidatedAndAModelWithoutAPlatformCopyIsNotExportedThere() throws Exception {
    ModelRecord pt = ws.models().importFile(Files.write(dir.resolve("best.pt"), new byte[] {1}), NewModel.defaults(),
        f -> {
          throw new IllegalArgumentException("unreadable");
        });
    ModelDetailsViewModel vm = details(pt);
    vm.setYolo(() -> YoloCli.locate(dir.resolve("no-yolo"), null));
    assertThat(Fx.call(() -> vm.validate(ws.datasets().require(pets), Split.VAL))).isFalse();
    assertThat(vm.valMessageProperty().get()).contains("needs the Ultralytics CLI").contains("pip install ultralytics");
    assertThat(Fx.call(() -> vm.exportLocally("onnx"))).isFalse();
    assertThat(vm.exportMessageProperty().get()).contains("pip install ultralytics");
    assertThat(Fx.call(() -> vm.export("onnx", null))).isFalse();
    assertThat(vm.exportMessageProperty().get()).contains("no copy on the platform");
    assertThat(vm.datasets()).as("a model whose task is unknown may be tried on any dataset").hasSize(1);
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake yolo's launcher is a shell script")
  void aCheckpointIsValidatedWithYoloValAndExportedLocallyWithYoloExport() throws Exception {
    YoloCli yolo = YoloCli.at(FakeYolo.install(dir.resolve("bin"), Map.of()));
    TrainingRun run = new LocalTrainingBackend(ws, yolo, MockCloud.INSPECTOR).train(
        new TrainRequest(pets, null, new TrainArgs(Task.DETECT, null, 1, 64, 4, null, null)), TrainingListener.NONE,
        TaskMonitor.NONE);
    ModelRecord pt = ws.models().require(run.modelId());
    ModelDetailsViewModel vm = details(pt);
    vm.setYolo(() -> yolo);
    List<String> changed = new ArrayList<>();
    vm.setOnModelsChanged(() -> changed.add("models"));
    assertThat(vm.exportsLocally()).isTrue();

    assertThat(Fx.call(() -> vm.validate(ws.datasets().require(pets), Split.VAL))).isTrue();
    Fx.waitFor(() -> !vm.busyProperty().get(), Duration.ofSeconds(60));
    assertThat(vm.valMessageProperty().get()).as(vm.valMessageProperty().get())
        .startsWith("4 images of pets val (yolo val) (box): mAP50 0.801, mAP50-95 0.533");
    assertThat(vm.classRows()).hasSize(1);
    assertThat(vm.classRows().get(0).name()).isEqualTo("all");
    assertThat(vm.classRows().get(0).precision()).isEqualTo(0.812);

    int before = ws.models().list(null).size();
    assertThat(Fx.call(() -> vm.exportLocally("onnx"))).isTrue();
    Fx.waitFor(() -> !vm.busyProperty().get(), Duration.ofSeconds(60));
    assertThat(vm.exportMessageProperty().get()).as(vm.exportMessageProperty().get())
        .startsWith("Registered " + pt.slug() + "-onnx");
    assertThat(changed).containsExactly("models");
    assertThat(ws.models().list(null)).hasSize(before + 1)
        .anyMatch(m -> "onnx".equals(m.format()) && pt.id().equals(m.metadata().get("loupe_exported_from")));
  }

  @Test
  void aModelWithAPlatformCopyIsExportedAndTheResultRegistered() throws Exception {
    ModelRecord m = model("cloud.onnx", Map.of("loupe_platform_model", "MODEL_ID"));
    cloud.json(201, "{\"_id\": \"exp_1\", \"status\": \"queued\"}")
        .ok("{\"_id\": \"exp_1\", \"status\": \"completed\", \"downloadUrl\": \""
            + cloud.url("/storage/exp_1/cloud.torchscript?sig=s") + "\"}")
        .bytes("TORCHSCRIPT");
    ModelDetailsViewModel vm = details(m);
    List<String> changed = new ArrayList<>();
    vm.setOnModelsChanged(() -> changed.add("models"));
    assertThat(Fx.call(() -> vm.export("engine", " "))).as("TensorRT needs a GPU type").isFalse();
    assertThat(vm.exportMessageProperty().get()).contains("--gpu-type");
    assertThat(Fx.call(() -> vm.export("torchscript", null))).isTrue();
    Fx.waitFor(() -> !vm.busyProperty().get(), Duration.ofSeconds(60));
    assertThat(vm.exportMessageProperty().get()).startsWith("Registered cloud-torchscript");
    assertThat(changed).containsExactly("models");
    assertThat(ws.models().list(null)).extracting(ModelRecord::name).contains("cloud-torchscript");
  }
}
