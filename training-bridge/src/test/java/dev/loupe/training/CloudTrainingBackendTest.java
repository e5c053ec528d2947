package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Task;
import dev.loupe.core.platform.PlatformJson;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.TrainingEpoch;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cloud training against a scripted platform built from the reference's routes and examples. */
class CloudTrainingBackendTest {
  static final String DATASETS = """
      {"datasets": [{"_id": "dataset_abc123", "name": "pets", "slug": "pets", "task": "detect", "imageCount": 11,
        "classCount": 2, "classNames": ["cat", "dog"], "visibility": "private", "username": "johndoe"}],
       "total": 1, "region": "us"}""";
  static final String PROJECTS = "{\"projects\": [{\"_id\": \"PROJECT_ID\", \"slug\": \"my-project\"}], \"total\": 1}";
  static final String GPUS = "{\"rtx-4090\": \"High\", \"a100-80gb-pcie\": \"Medium\", \"h100-sxm\": \"Low\", \"b300\": null}";
  static final String MODEL = "{\"model\": {\"_id\": \"MODEL_ID\", \"name\": \"pets\", \"status\": \"pending\"}}";
  static final String STARTED = "{\"jobId\": \"job_9\", \"modelId\": \"MODEL_ID\", \"status\": \"starting\"}";

  @TempDir Path dir;
  final MockCloud cloud = new MockCloud();
  Workspace ws;

  @AfterEach
  void close() throws IOException {
    if (ws != null) {
      ws.close();
    }
    cloud.close();
  }

  private String dataset() throws IOException {
    ws = Workspace.open(dir.resolve("ws"));
    return TrainingTestData.importDataset(ws, TrainingTestData.yoloFolder(dir.resolve("src"), 6, 3, 2), "pets");
  }

  private CloudTrainingBackend backend(String project, String gpu) {
    return new CloudTrainingBackend(ws, cloud.client, new PlatformDatasetLookup(cloud.client),
        new CloudTarget(project, gpu), cloud.polling, MockCloud.INSPECTOR);
  }

  private static TrainRequest request(String dataset) {
    return new TrainRequest(dataset, null, TrainArgs.defaults(Task.DETECT).withModel("yolo26n.pt").withEpochs(3));
  }

  private static String progress(String status, int epoch, double map50) {
    return String.format(java.util.Locale.ROOT, "{\"_id\": \"MODEL_ID\", \"status\": \"%s\", \"currentEpoch\": %d,"
        + " \"epochs\": 3, \"metrics\": {\"mAP50\": %.2f, \"mAP50-95\": %.2f, \"precision\": 0.7, \"recall\": 0.6}}",
        status, epoch, map50, map50 / 2);
  }

  private void scriptStart() {
    cloud.ok(DATASETS).ok(PROJECTS).ok(GPUS).json(201, MODEL).ok(STARTED);
  }

  /** Listens like the CLI: epochs and console lines. */
  static final class Heard implements TrainingListener {
    final List<Integer> epochs = new CopyOnWriteArrayList<>();
    final List<String> console = new CopyOnWriteArrayList<>();
    TrainingRun started;

    @Override
    public void started(TrainingRun run) {
      started = run;
    }

    @Override
    public void epoch(TrainingRun run, TrainingEpoch epoch) {
      epochs.add(epoch.epoch());
    }

    @Override
    public void consoleLine(String line) {
      console.add(line);
    }
  }

  @Test
  void aCloudRunStartsOnTheRemoteCopyIsFollowedEpochByEpochAndRegistersItsWeightsAndOnnx() throws Exception {
    String pets = dataset();
    scriptStart();
    cloud.ok(progress("training", 1, 0.40)).ok(progress("training", 1, 0.40)).ok(progress("training", 2, 0.55))
        .ok("{\"_id\": \"MODEL_ID\", \"status\": \"completed\", \"epochs\": 3, \"bestEpoch\": 3,"
            + " \"metrics\": {\"mAP50\": 0.61, \"mAP50-95\": 0.33, \"precision\": 0.8, \"recall\": 0.7}}")
        .ok("{\"downloadUrl\": \"" + cloud.url("/storage/best.pt?sig=a") + "\"}").bytes("PT-WEIGHTS")
        .json(201, "{\"_id\": \"exp_1\", \"modelId\": \"MODEL_ID\", \"format\": \"onnx\", \"status\": \"queued\"}")
        .ok("{\"_id\": \"exp_1\", \"status\": \"completed\", \"format\": \"onnx\", \"downloadUrl\": \""
            + cloud.url("/storage/exp_1/best.onnx?sig=b") + "\"}").bytes("ONNX-BYTES");
    Heard heard = new Heard();

    TrainingRun run = backend("my-project", "rtx-4090").train(request(pets), heard, TaskMonitor.NONE);

    assertThat(cloud.next(3)).containsExactly("GET /api/datasets?slug=pets", "GET /api/projects",
        "GET /api/training/gpu-availability");
    RecordedRequest model = cloud.next();
    assertThat(model.getMethod() + " " + model.getPath()).isEqualTo("POST /api/models");
    assertThat(MockCloud.body(model)).isEqualTo(PlatformJson.MAPPER.readTree(
        "{\"projectId\": \"PROJECT_ID\", \"name\": \"pets\", \"description\": \"Trained by Loupe on pets\","
            + " \"task\": \"detect\"}"));
    RecordedRequest start = cloud.next();
    assertThat(start.getPath()).isEqualTo("/api/training/start");
    assertThat(start.getHeader("Authorization")).isEqualTo("Bearer " + MockCloud.KEY);
    assertThat(MockCloud.body(start)).isEqualTo(PlatformJson.MAPPER.readTree("""
        {"modelId": "MODEL_ID", "projectId": "PROJECT_ID", "gpuType": "rtx-4090",
         "trainArgs": {"model": "yolo26n.pt", "data": "ul://johndoe/datasets/pets", "epochs": 3, "imgsz": 640,
           "batch": 16}}"""));
    assertThat(cloud.next(4)).as("followed through the model, never the session-only training route")
        .containsOnly("GET /api/models/MODEL_ID");
    assertThat(cloud.next(3)).containsExactly("GET /api/models/MODEL_ID/files", "GET /storage/best.pt?sig=a",
        "POST /api/exports");
    assertThat(cloud.next(2)).containsExactly("GET /api/exports/exp_1", "GET /storage/exp_1/best.onnx?sig=b");
    assertThat(cloud.clock.sleeps).as("one poll interval between polls, none after the end")
        .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));

    assertThat(run.status()).isEqualTo(TrainingRun.COMPLETED);
    assertThat(run.message()).isNull();
    assertThat(run.backend()).isEqualTo("cloud");
    assertThat(run.args()).containsEntry("data", "ul://johndoe/datasets/pets").containsEntry("gpuType", "rtx-4090")
        .containsEntry("projectId", "PROJECT_ID").containsEntry(CloudTrainingBackend.PLATFORM_MODEL, "MODEL_ID");
    assertThat(heard.epochs).containsExactly(1, 2);
    assertThat(heard.console).containsExactly("platform: training, epoch 1", "platform: training, epoch 2",
        "platform: completed");
    assertThat(ws.trainingRuns().epochs(run.id())).extracting(TrainingEpoch::epoch).containsExactly(1, 2);
    assertThat(ws.trainingRuns().epochs(run.id()).get(1).value("metrics/mAP50(B)")).isEqualTo(0.55);
    HeadlineMetrics m = HeadlineMetrics.of(Task.DETECT, run.metrics());
    assertThat(m.map50()).isEqualTo(0.61);
    assertThat(m.map5095()).isEqualTo(0.33);
    assertThat(m.precision()).isEqualTo(0.8);
    assertThat(m.recall()).isEqualTo(0.7);

    ModelRecord pt = ws.models().require(run.modelId());
    assertThat(pt.format()).isEqualTo("pt");
    assertThat(pt.classNames()).containsExactly("cat", "dog");
    assertThat(pt.metadata()).containsEntry("loupe_training_run", run.id())
        .containsEntry("loupe_platform_model", "MODEL_ID").containsEntry("loupe_best_epoch", "3");
    assertThat(Files.readString(ws.models().file(pt))).isEqualTo("PT-WEIGHTS");
    ModelRecord onnx = ws.models().require(run.onnxModelId());
    assertThat(onnx.format()).isEqualTo("onnx");
    assertThat(onnx.name()).isEqualTo(run.name() + "-onnx");
    assertThat(Files.readString(ws.models().file(onnx))).isEqualTo("ONNX-BYTES");
  }

  @Test
  void aDatasetWithNoRemoteCopyIsRefusedBeforeAnythingIsMade() throws Exception {
    String pets = dataset();
    cloud.ok("{\"datasets\": [], \"total\": 0}");
    assertThatThrownBy(() -> backend(null, null).train(request(pets), TrainingListener.NONE, TaskMonitor.NONE))
        .isInstanceOf(RemoteDatasetMissingException.class)
        .hasMessageContaining("push the dataset first: loupe platform push pets");
    assertThat(ws.trainingRuns().list()).isEmpty();
    assertThat(cloud.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anUnknownGpuTypeOrProjectIsRefusedWithWhatThePlatformHas() throws Exception {
    String pets = dataset();
    cloud.ok(DATASETS).ok(PROJECTS).ok(GPUS);
    assertThatThrownBy(() -> backend(null, "tpu-v9").train(request(pets), TrainingListener.NONE, TaskMonitor.NONE))
        .hasMessageContaining("no GPU type 'tpu-v9'").hasMessageContaining("rtx-4090, a100-80gb-pcie, h100-sxm, b300");
    cloud.ok(DATASETS).ok(PROJECTS);
    assertThatThrownBy(() -> backend("other", null).train(request(pets), TrainingListener.NONE, TaskMonitor.NONE))
        .hasMessageContaining("no project 'other'").hasMessageContaining("my-project");
    assertThat(ws.trainingRuns().list()).isEmpty();
  }

  @Test
  void aStartTheplatformRefusesEndsTheRunFailedWithItsMessage() throws Exception {
    String pets = dataset();
    cloud.ok(DATASETS).ok(PROJECTS).ok(GPUS).json(201, MODEL).json(403, "{\"error\": \"Insufficient credits\"}");
    assertThatThrownBy(() -> backend(null, null).train(request(pets), TrainingListener.NONE, TaskMonitor.NONE))
        .hasMessageContaining("Insufficient credits");
    TrainingRun run = ws.trainingRuns().list().get(0);
    assertThat(run.status()).isEqualTo(TrainingRun.FAILED);
    assertThat(run.message()).contains("did not start").contains("Insufficient credits").contains("MODEL_ID");
  }

  @Test
  void cancellingStopsFollowingTheRunIsInterruptedAndResumeFollowsItToTheEnd() throws Exception {
    String pets = dataset();
    scriptStart();
    cloud.ok(progress("training", 1, 0.40));
    Heard heard = new Heard();
    TaskMonitor cancelAfterFirstEpoch = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {}

      @Override
      public boolean isCancelled() {
        return !heard.epochs.isEmpty();
      }
    };
    TrainingRun run = backend(null, null).train(request(pets), heard, cancelAfterFirstEpoch);
    assertThat(run.status()).isEqualTo(TrainingRun.INTERRUPTED);
    assertThat(run.message()).contains("Loupe stopped following it").contains("the platform goes on training")
        .contains("loupe train resume " + run.id());
    assertThat(run.epochsDone()).isEqualTo(1);

    cloud.ok(progress("training", 2, 0.5)).ok(progress("training", 3, 0.6))
        .ok("{\"_id\": \"MODEL_ID\", \"status\": \"failed\", \"error\": \"CUDA out of memory\"}");
    TrainingRun resumed = backend(null, null).resume(run.id(), heard, TaskMonitor.NONE);
    assertThat(resumed.status()).isEqualTo(TrainingRun.FAILED);
    assertThat(resumed.message()).contains("CUDA out of memory");
    assertThat(heard.epochs).containsExactly(1, 3);
    assertThat(ws.trainingRuns().epochs(run.id())).extracting(TrainingEpoch::epoch).containsExactly(1, 3);

    cloud.ok("{\"_id\": \"MODEL_ID\", \"status\": \"failed\"}");
    assertThatThrownBy(() -> backend(null, null).resume(run.id(), heard, TaskMonitor.NONE))
        .isInstanceOf(ConflictException.class).hasMessageContaining("no route to resume");
  }

  @Test
  void cancelOnThePlatformNeedsABrowserSessionSoItIsRefusedWithoutSendingAndTheRunIsLeftAsItIs() throws Exception {
    String pets = dataset();
    scriptStart();
    cloud.ok(progress("training", 1, 0.40));
    Heard heard = new Heard();
    TaskMonitor stop = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {}

      @Override
      public boolean isCancelled() {
        return !heard.epochs.isEmpty();
      }
    };
    TrainingRun run = backend(null, null).train(request(pets), heard, stop);
    int sent = cloud.server.getRequestCount();
    assertThatThrownBy(() -> backend(null, null).cancelRemote(run.id()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("DELETE /api/models/{id}/training").hasMessageContaining("browser session")
        .hasMessageContaining("Stop model MODEL_ID there");
    assertThat(cloud.server.getRequestCount()).isEqualTo(sent);
    assertThat(ws.trainingRuns().require(run.id()).status()).isEqualTo(TrainingRun.INTERRUPTED);
  }

  @Test
  void aPlatformThatStopsAnsweringLosesTheRunAfterTheAllowedFailures() throws Exception {
    String pets = dataset();
    scriptStart();
    for (int i = 0; i < 6; i++) {
      cloud.json(503, "{\"error\": \"unavailable\"}");
    }
    TrainingRun run = backend(null, null).train(request(pets), TrainingListener.NONE, TaskMonitor.NONE);
    assertThat(run.status()).isEqualTo(TrainingRun.INTERRUPTED);
    assertThat(run.message()).contains("did not answer 3 times");
  }

  @Test
  void remoteStatusesAndMetricNamesMapToTheLocalOnes() throws Exception {
    RemoteProgress p = RemoteProgress.of(PlatformJson.MAPPER.readTree(
        "{\"model\": {\"status\": \"Training\", \"epoch\": 4, \"metrics\": {\"mAP50\": 0.5, \"box_loss\": 1.2}}}"));
    assertThat(p.status()).isEqualTo("training");
    assertThat(p.epoch()).isEqualTo(4);
    assertThat(p.runStatus()).isEqualTo(TrainingRun.RUNNING);
    assertThat(p.columns(Task.SEGMENT)).containsEntry("metrics/mAP50(M)", 0.5).containsEntry("box_loss", 1.2);
    assertThat(RemoteProgress.of(PlatformJson.MAPPER.readTree("{\"status\": \"canceled\"}")).runStatus())
        .isEqualTo(TrainingRun.CANCELLED);
    assertThat(RemoteProgress.of(PlatformJson.MAPPER.readTree("{\"status\": \"completed\"}")).runStatus())
        .isEqualTo(TrainingRun.COMPLETED);
    assertThat(RemoteProgress.of(PlatformJson.MAPPER.readTree("{\"status\": \"error\"}")).runStatus())
        .isEqualTo(TrainingRun.FAILED);
  }
}
