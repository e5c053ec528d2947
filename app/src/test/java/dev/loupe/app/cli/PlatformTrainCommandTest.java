package dev.loupe.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.app.Main;
import dev.loupe.core.api.ApiJson;
import dev.loupe.training.MockCloud;
import dev.loupe.training.TrainingTestData;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loupe train --cloud}, {@code train cancel/resume} of a cloud run, {@code platform gpus} and
 * {@code platform export} against a scripted platform named by LOUPE_PLATFORM_URL and LOUPE_API_KEY.
 */
class PlatformTrainCommandTest {
  @TempDir Path dir;

  record Result(int exit, String out, String err) {
    JsonNode json() throws java.io.IOException {
      return ApiJson.MAPPER.readTree(out);
    }
  }

  Result run(MockWebServer server, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> env = Map.of("LOUPE_WORKSPACE", dir.resolve("ws").toString(),
        "LOUPE_CONFIG_DIR", dir.resolve("config").toString(), "YOLO_CONFIG_DIR", dir.resolve("yolo").toString(),
        "LOUPE_PLATFORM_URL", server.url("/api").toString(), "LOUPE_API_KEY", MockCloud.KEY);
    CliContext c = new CliContext(new GlobalOptions(), new PrintWriter(out, true), new PrintWriter(err, true),
        new ByteArrayInputStream(new byte[0]), env, dir.resolve("home"), false, System::nanoTime, InterruptHooks.NONE);
    int code = Main.commandLine(c, Main.commands(c)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static void json(MockWebServer server, int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body));
  }

  static String model(String status, Integer epoch, double map50) {
    return "{\"_id\": \"MODEL_ID\", \"status\": \"" + status + "\"" + (epoch == null ? "" : ", \"currentEpoch\": " + epoch)
        + ", \"epochs\": 2, \"metrics\": {\"mAP50\": " + map50 + ", \"mAP50-95\": " + map50 / 2
        + ", \"precision\": 0.8, \"recall\": 0.7}}";
  }

  private void importPets(MockWebServer server) throws Exception {
    Path folder = TrainingTestData.yoloFolder(dir.resolve("pets"), 4, 2, 1);
    Result imported = run(server, "import", folder.toString(), "--name", "pets", "--no-thumbnails");
    assertThat(imported.exit()).as(imported.err()).isZero();
  }

  @Test
  void trainCloudStartsFollowsAndPrintsTheRunInTheIssuesShape() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      importPets(server);
      json(server, 200, "{\"datasets\": [{\"_id\": \"dataset_abc123\", \"slug\": \"pets\", \"username\": \"johndoe\"}]}");
      json(server, 200, "{\"projects\": [{\"_id\": \"PROJECT_ID\", \"slug\": \"my-project\"}]}");
      json(server, 200, "{\"rtx-4090\": \"High\", \"h100-sxm\": \"Low\"}");
      json(server, 201, "{\"_id\": \"MODEL_ID\", \"status\": \"pending\"}");
      json(server, 200, "{\"jobId\": \"job_1\", \"status\": \"starting\"}");
      json(server, 200, model("training", 1, 0.5));
      json(server, 200, model("completed", 2, 0.75));
      json(server, 200, "{\"downloadUrl\": \"" + server.url("/storage/best.pt?sig=a") + "\"}");
      server.enqueue(new MockResponse().setBody("PT"));
      json(server, 500, "{\"error\": \"export service down\"}");

      Result r = run(server, "train", "pets", "--cloud", "--gpu-type", "h100-sxm", "--epochs", "2",
          "--poll-interval", "0", "--json");

      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode run = r.json().get("run");
      assertThat(run.get("status").asText()).isEqualTo("completed");
      assertThat(run.get("backend").asText()).isEqualTo("cloud");
      assertThat(run.get("epochs").asInt()).isEqualTo(2);
      assertThat(run.get("metrics").get("mAP50").asDouble()).isEqualTo(0.75);
      assertThat(run.get("metrics").get("mAP50-95").asDouble()).isEqualTo(0.375);
      assertThat(run.get("metrics").get("precision").asDouble()).isEqualTo(0.8);
      assertThat(run.get("metrics").get("recall").asDouble()).isEqualTo(0.7);
      assertThat(run.get("model").asText()).startsWith("mdl_");
      assertThat(run.get("onnxModel").isNull()).isTrue();
      assertThat(run.get("message").asText()).contains("the ONNX export could not be fetched")
          .contains("export service down");
      assertThat(r.err()).contains("on the platform: model MODEL_ID, h100-sxm, data ul://johndoe/datasets/pets")
          .contains("epoch 1/2  mAP50 0.5000").contains("platform: completed");

      for (int i = 0; i < 4; i++) { // the dataset lookup, the projects, the GPU stock, the new model
        server.takeRequest();
      }
      RecordedRequest start = server.takeRequest();
      assertThat(start.getPath()).isEqualTo("/api/training/start");
      assertThat(start.getHeader("Authorization")).isEqualTo("Bearer " + MockCloud.KEY);
      JsonNode body = ApiJson.MAPPER.readTree(start.getBody().readString(StandardCharsets.UTF_8));
      assertThat(body.get("gpuType").asText()).isEqualTo("h100-sxm");
      assertThat(body.get("trainArgs").get("data").asText()).isEqualTo("ul://johndoe/datasets/pets");
      assertThat(body.get("trainArgs").get("epochs").asInt()).isEqualTo(2);

      Result cancel = run(server, "train", "cancel", run.get("id").asText());
      assertThat(cancel.exit()).isEqualTo(ErrorReporter.FAILURE);
      assertThat(cancel.err()).contains("browser session").doesNotContain("unexpected");
    }
  }

  @Test
  void aDatasetNotOnThePlatformIsPushedFirstAndAFailedPushSaysHowToPushIt() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      importPets(server);
      json(server, 200, "{\"datasets\": [], \"total\": 0}");
      json(server, 403, "{\"error\": \"Forbidden\"}"); // the push it tries first
      Result r = run(server, "train", "pets", "--cloud");
      assertThat(r.exit()).isEqualTo(ErrorReporter.FAILURE);
      assertThat(r.err()).contains("the push before training failed").contains("Forbidden")
          .contains("push the dataset first: loupe platform push pets").doesNotContain("unexpected");
      assertThat(run(server, "train", "list", "--json").json().get("runs")).isEmpty();
    }
  }

  @Test
  void gpusAndAnExportToTheRegistry() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      json(server, 200, "{\"rtx-4090\": \"High\", \"b300\": null}");
      json(server, 200, "{\"rtx-4090\": \"High\", \"b300\": null}");
      Result gpus = run(server, "platform", "gpus", "--json");
      assertThat(gpus.exit()).as(gpus.err()).isZero();
      assertThat(gpus.json().get("gpus").get("rtx-4090").asText()).isEqualTo("High");
      assertThat(gpus.json().get("gpus").get("b300").isNull()).isTrue();
      assertThat(run(server, "platform", "gpus").out()).contains("b300").contains("unknown");
      server.takeRequest();
      server.takeRequest();

      json(server, 201, "{\"_id\": \"exp_1\", \"status\": \"queued\"}");
      json(server, 200, "{\"_id\": \"exp_1\", \"status\": \"completed\", \"downloadUrl\": \""
          + server.url("/storage/model.engine?sig=s") + "\"}");
      server.enqueue(new MockResponse().setBody("ENGINE"));
      Result export = run(server, "platform", "export", "MODEL_ID", "--format", "engine", "--gpu-type", "rtx-4090",
          "--poll-interval", "0", "--json");
      assertThat(export.exit()).as(export.err()).isZero();
      assertThat(export.json().get("export").get("id").asText()).isEqualTo("exp_1");
      assertThat(export.json().get("model").isNull()).isTrue();
      assertThat(export.json().get("file").asText()).endsWith("model.engine");
      RecordedRequest post = server.takeRequest();
      assertThat(post.getPath()).isEqualTo("/api/exports");
      assertThat(post.getBody().readString(StandardCharsets.UTF_8)).contains("\"gpuType\":\"rtx-4090\"");

      Result noGpu = run(server, "platform", "export", "MODEL_ID", "--format", "engine");
      assertThat(noGpu.exit()).isEqualTo(ErrorReporter.USAGE);
      assertThat(noGpu.err()).contains("--gpu-type");
    }
  }
}
