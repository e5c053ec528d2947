package dev.loupe.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.platform.PlatformJson;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform exports against a scripted platform: create, poll, download, register. */
class ExportJobsTest {
  @TempDir Path dir;
  final MockCloud cloud = new MockCloud();
  Workspace ws;
  ExportJobs jobs;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    jobs = new ExportJobs(ws, cloud.client, cloud.polling, MockCloud.INSPECTOR);
  }

  @AfterEach
  void close() throws IOException {
    ws.close();
    cloud.close();
  }

  @Test
  void anOnnxExportIsCreatedPolledDownloadedAndRegistered() throws Exception {
    cloud.json(201, "{\"_id\": \"exp_1\", \"modelId\": \"MODEL_ID\", \"format\": \"onnx\", \"status\": \"queued\"}")
        .ok("{\"_id\": \"exp_1\", \"status\": \"running\"}")
        .ok("{\"_id\": \"exp_1\", \"status\": \"completed\", \"downloadUrl\": \""
            + cloud.url("/storage/exp_1/yolo26n.onnx?sig=s") + "\"}")
        .bytes("ONNX-BYTES");
    java.util.List<Long> reported = new java.util.concurrent.CopyOnWriteArrayList<>();
    TaskMonitor monitor = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {
        reported.add(done);
      }

      @Override
      public boolean isCancelled() {
        return false;
      }
    };

    ExportJobs.Exported done = jobs.run(
        new ExportJobs.ExportRequest("MODEL_ID", "onnx", null, 640, true), "pets-onnx", monitor);

    RecordedRequest post = cloud.next();
    assertThat(post.getMethod() + " " + post.getPath()).isEqualTo("POST /api/exports");
    assertThat(MockCloud.body(post)).isEqualTo(PlatformJson.MAPPER.readTree(
        "{\"modelId\": \"MODEL_ID\", \"format\": \"onnx\", \"args\": {\"imgsz\": 640, \"half\": true}}"));
    assertThat(cloud.next(3)).containsExactly("GET /api/exports/exp_1", "GET /api/exports/exp_1",
        "GET /storage/exp_1/yolo26n.onnx?sig=s");
    assertThat(cloud.clock.sleeps).containsExactly(Duration.ofSeconds(30));
    assertThat(done.model().name()).isEqualTo("pets-onnx");
    assertThat(done.model().format()).isEqualTo("onnx");
    assertThat(done.model().metadata()).containsEntry("loupe_platform_model", "MODEL_ID")
        .containsEntry("loupe_platform_export", "exp_1");
    assertThat(Files.readString(done.file())).isEqualTo("ONNX-BYTES");
    assertThat(ws.models().list(null)).hasSize(1);
    assertThat(reported).contains(1L);
  }

  @Test
  void aTensorRtExportNeedsAGpuTypeWhichIsSent() throws Exception {
    assertThatThrownBy(() -> new ExportJobs.ExportRequest("MODEL_ID", "engine", null, null, null))
        .hasMessageContaining("--gpu-type");
    assertThatThrownBy(() -> new ExportJobs.ExportRequest("MODEL_ID", "keras", null, null, null))
        .hasMessageContaining("unknown export format 'keras'").hasMessageContaining("tflite");
    cloud.json(201, "{\"_id\": \"exp_2\", \"status\": \"queued\"}")
        .ok("{\"_id\": \"exp_2\", \"format\": \"engine\", \"status\": \"completed\", \"downloadUrl\": \""
            + cloud.url("/storage/exp_2/model.engine?sig=s") + "\"}")
        .bytes("ENGINE");
    ExportJobs.Exported done = jobs.run(
        new ExportJobs.ExportRequest("MODEL_ID", "ENGINE", "h100-sxm", null, null), null, TaskMonitor.NONE);
    assertThat(MockCloud.body(cloud.next())).isEqualTo(PlatformJson.MAPPER.readTree(
        "{\"modelId\": \"MODEL_ID\", \"format\": \"engine\", \"gpuType\": \"h100-sxm\"}"));
    assertThat(done.model()).as("the registry keeps ONNX and TorchScript only").isNull();
    assertThat(done.file()).isEqualTo(ws.root().resolve("exports").resolve("MODEL_ID").resolve("model.engine"));
    assertThat(Files.readString(done.file())).isEqualTo("ENGINE");
  }

  @Test
  void aFailedExportSaysWhyAndACancelledOneIsCancelledOnThePlatform() throws Exception {
    cloud.json(201, "{\"_id\": \"exp_3\", \"status\": \"queued\"}")
        .ok("{\"_id\": \"exp_3\", \"status\": \"failed\", \"error\": \"unsupported op\"}");
    assertThatThrownBy(() -> jobs.run(new ExportJobs.ExportRequest("MODEL_ID", "tflite", null, null, null), null,
        TaskMonitor.NONE)).hasMessageContaining("exp_3 failed: unsupported op");
    cloud.next(2);

    AtomicInteger polls = new AtomicInteger();
    TaskMonitor cancelAfterAPoll = new TaskMonitor() {
      @Override
      public void progress(long done, long total, String message) {
        if (message.startsWith("export exp_4")) {
          polls.incrementAndGet();
        }
      }

      @Override
      public boolean isCancelled() {
        return polls.get() > 0;
      }
    };
    cloud.json(201, "{\"_id\": \"exp_4\", \"status\": \"queued\"}").ok("{\"_id\": \"exp_4\", \"status\": \"running\"}")
        .json(200, "{\"ok\": true}");
    assertThatThrownBy(() -> jobs.run(new ExportJobs.ExportRequest("MODEL_ID", "onnx", null, null, null), null,
        cancelAfterAPoll)).isInstanceOf(CancelledException.class);
    assertThat(cloud.next(3)).containsExactly("POST /api/exports", "GET /api/exports/exp_4", "DELETE /api/exports/exp_4");
    assertThat(ws.models().list(null)).isEmpty();
  }
}
