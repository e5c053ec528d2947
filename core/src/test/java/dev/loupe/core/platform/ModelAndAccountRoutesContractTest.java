package dev.loupe.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.remote.CreatedApiKey;
import dev.loupe.core.platform.remote.ModelQuery;
import dev.loupe.core.platform.remote.NewExport;
import dev.loupe.core.platform.remote.NewModel;
import dev.loupe.core.platform.remote.NewProject;
import dev.loupe.core.platform.remote.PredictOptions;
import dev.loupe.core.platform.remote.PredictResponse;
import dev.loupe.core.platform.remote.ProjectQuery;
import dev.loupe.core.platform.remote.RemoteExport;
import dev.loupe.core.platform.remote.TrainingRequest;
import dev.loupe.core.platform.remote.TrashQuery;
import dev.loupe.core.platform.remote.TrashRef;
import dev.loupe.core.platform.remote.UploadResult;
import dev.loupe.core.task.TaskMonitor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects, models, predict, training, exports, uploads, API keys and trash against the reference. */
class ModelAndAccountRoutesContractTest {
  final MockPlatform platform = new MockPlatform();
  @TempDir Path dir;

  @AfterEach
  void close() throws Exception {
    platform.close();
  }

  static JsonNode body(RecordedRequest r) throws Exception {
    return PlatformJson.MAPPER.readTree(r.getBody().readUtf8());
  }

  @Test
  void projects() throws Exception {
    platform.ok("{\"projects\": [{\"_id\": \"project_xyz\", \"name\": \"my-project\", \"slug\": \"my-project\"}], \"total\": 1}")
        .json(201, "{\"_id\": \"p2\", \"slug\": \"my-project\"}").ok("{\"ok\": true}");
    var list = platform.client.projects().list(new ProjectQuery("johndoe", 5, null));
    assertThat(platform.next().getPath()).isEqualTo("/api/projects?username=johndoe&limit=5");
    assertThat(list.projects().get(0).id()).isEqualTo("project_xyz");

    platform.client.projects().create(new NewProject("my-project", "my-project", "Detection experiments"));
    RecordedRequest post = platform.next();
    assertThat(body(post)).isEqualTo(PlatformJson.MAPPER.readTree(
        "{\"name\": \"my-project\", \"slug\": \"my-project\", \"description\": \"Detection experiments\"}"));
    platform.client.projects().delete("p2");
    assertThat(platform.next().getPath()).isEqualTo("/api/projects/p2");
  }

  @Test
  void modelsListNeedsAProjectAndFilesUseTheDownloadBudget() throws Exception {
    platform.ok("{\"models\": [{\"_id\": \"m1\", \"status\": \"completed\", \"metrics\": {\"mAP50\": 0.85}}], \"count\": 1}")
        .json(201, "{\"_id\": \"m2\"}")
        .ok("{\"downloadUrl\": \"https://storage.example.com/best.pt?sig\"}");
    var models = platform.client.models().list(ModelQuery.ofProject("project_xyz").withLimit(100));
    assertThat(platform.next().getPath()).isEqualTo("/api/models?projectId=project_xyz&limit=100");
    assertThat(models.models().get(0).metrics()).containsEntry("mAP50", 0.85);
    assertThatThrownBy(() -> ModelQuery.ofProject(" ")).hasMessageContaining("project id");

    platform.client.models().create(new NewModel("project_xyz", "exp-2", "exp 2", null, "detect"));
    assertThat(body(platform.next())).isEqualTo(PlatformJson.MAPPER.readTree(
        "{\"projectId\": \"project_xyz\", \"slug\": \"exp-2\", \"name\": \"exp 2\", \"task\": \"detect\"}"));

    assertThat(platform.client.models().files("m1").links()).containsExactly("https://storage.example.com/best.pt?sig");
    assertThat(platform.next().getPath()).isEqualTo("/api/models/m1/files");
    assertThat(platform.client.budget().used(RateCategory.DOWNLOAD)).isEqualTo(1);
  }

  @Test
  void predictSendsAMultipartFormAndReadsTheExample() throws Exception {
    Path image = Files.write(dir.resolve("image.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
    platform.ok("""
        {"images": [{"shape": [1080, 1920], "results": [{"class": 0, "name": "person", "confidence": 0.92,
          "box": {"x1": 100, "y1": 50, "x2": 300, "y2": 400}}]}], "metadata": {"imageCount": 1}}""");
    PredictResponse r = platform.client.models().predict("MODEL_ID", image, new PredictOptions(0.5, null, null));
    RecordedRequest req = platform.next();
    assertThat(req.getPath()).isEqualTo("/api/models/MODEL_ID/predict");
    assertThat(req.getHeader("Content-Type")).startsWith("multipart/form-data");
    String form = req.getBody().readString(StandardCharsets.ISO_8859_1);
    assertThat(form).contains("name=\"file\"; filename=\"image.jpg\"").contains("name=\"conf\"").contains("0.5")
        .doesNotContain("name=\"iou\"");
    assertThat(r.images().get(0).shape()).containsExactly(1080, 1920);
    var det = r.images().get(0).results().get(0);
    assertThat(det.classId()).isZero();
    assertThat(det.box().x2()).isEqualTo(300);
    assertThat(r.metadata().imageCount()).isEqualTo(1);
    assertThat(platform.client.budget().used(RateCategory.PREDICT)).isEqualTo(1);
  }

  @Test
  void trainingStartAndGpuAvailability() throws Exception {
    platform.ok("{\"jobId\": \"job_9\", \"status\": \"starting\"}")
        .ok("{\"rtx-4090\": \"High\", \"h100-sxm\": \"Low\", \"b300\": null}");
    var job = platform.client.training().start(new TrainingRequest("MODEL_ID", "PROJECT_ID", "rtx-4090",
        new TrainingRequest.TrainArgs("yolo26n.pt", "ul://username/datasets/my-dataset", 100, 640, 16)));
    RecordedRequest r = platform.next();
    assertThat(r.getPath()).isEqualTo("/api/training/start");
    assertThat(body(r)).isEqualTo(PlatformJson.MAPPER.readTree("""
        {"modelId": "MODEL_ID", "projectId": "PROJECT_ID", "gpuType": "rtx-4090",
         "trainArgs": {"model": "yolo26n.pt", "data": "ul://username/datasets/my-dataset", "epochs": 100,
           "imgsz": 640, "batch": 16}}"""));
    assertThat(job.jobId()).isEqualTo("job_9");
    assertThat(platform.client.budget().used(RateCategory.TRAINING)).isEqualTo(1);
    assertThat(platform.client.training().gpuAvailability())
        .containsEntry("rtx-4090", "High").containsEntry("b300", null);
  }

  @Test
  void anExportIsCreatedPolledAndDownloaded() throws Exception {
    platform.json(201, "{\"_id\": \"exp_1\", \"status\": \"queued\"}")
        .ok("{\"_id\": \"exp_1\", \"status\": \"running\"}")
        .ok("{\"_id\": \"exp_1\", \"status\": \"completed\", \"downloadUrl\": \"" + platform.url("/storage/m.onnx?sig=s") + "\"}");
    platform.server.enqueue(new okhttp3.mockwebserver.MockResponse().setBody("ONNX"));
    RemoteExport created = platform.client.exports().create(NewExport.of("MODEL_ID", "onnx"));
    RecordedRequest post = platform.next();
    assertThat(body(post)).isEqualTo(PlatformJson.MAPPER.readTree("{\"modelId\": \"MODEL_ID\", \"format\": \"onnx\"}"));
    assertThat(platform.client.budget().used(RateCategory.EXPORT)).isEqualTo(1);

    RemoteExport done = platform.client.exports().await(created.id(), Duration.ofSeconds(5), Duration.ofMinutes(10), TaskMonitor.NONE);
    assertThat(done.isDone()).isTrue();
    assertThat(platform.clock.sleeps).containsExactly(Duration.ofSeconds(5));
    var file = platform.client.exports().download(done, dir.resolve("m.onnx"));
    assertThat(Files.readString(file.file())).isEqualTo("ONNX");
    assertThat(file.bytes()).isEqualTo(4);
    platform.next();
    platform.next();
    RecordedRequest get = platform.next();
    assertThat(get.getPath()).isEqualTo("/storage/m.onnx?sig=s");
    assertThat(get.getHeader("Authorization")).as("a signed URL never gets the key").isNull();
    assertThatThrownBy(() -> NewExport.of("m", "engine")).hasMessageContaining("gpuType");
  }

  @Test
  void anUploadAsksForASignedUrlPutsTheBytesThereAndCompletesWithTheSha256() throws Exception {
    Path file = Files.writeString(dir.resolve("my-image.jpg"), "pixels");
    String sha = /* sha256sum of "pixels" */ "6ec9c2b0eb14010746c8bce8939303b382344b296206612eb8a907a37b2b2f37";
    platform.ok("{\"sessionId\": \"session_abc123\", \"uploadUrl\": \"" + platform.url("/upload-here?X-Sig=abc")
        + "\", \"gcsPath\": \"gs://bucket/users/u/images/abc123/my-image.jpg\", \"downloadUrl\": \"https://cdn/x\","
        + " \"expiresAt\": \"2026-02-22T12:00:00Z\"}");
    platform.ok("");
    platform.ok("{\"ok\": true}");
    UploadResult result = platform.client.uploads().upload("images", "abc123", file, "image/jpeg");

    RecordedRequest signed = platform.next();
    assertThat(signed.getPath()).isEqualTo("/api/upload/signed-url");
    assertThat(body(signed)).isEqualTo(PlatformJson.MAPPER.readTree("""
        {"assetType": "images", "assetId": "abc123", "filename": "my-image.jpg", "contentType": "image/jpeg",
         "totalBytes": 6}"""));
    RecordedRequest put = platform.next();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getPath()).isEqualTo("/upload-here?X-Sig=abc");
    assertThat(put.getHeader("Authorization")).isNull();
    assertThat(put.getHeader("Content-Type")).startsWith("image/jpeg");
    assertThat(put.getBody().readUtf8()).isEqualTo("pixels");
    RecordedRequest complete = platform.next();
    assertThat(complete.getPath()).isEqualTo("/api/upload/complete");
    assertThat(body(complete)).isEqualTo(PlatformJson.MAPPER.readTree(
        "{\"sessionId\": \"session_abc123\", \"checksum\": \"" + sha + "\"}"));
    assertThat(result.sha256()).isEqualTo(sha);
    assertThat(result.bytes()).isEqualTo(6);
    assertThat(platform.client.budget().used(RateCategory.UPLOAD)).isEqualTo(2);
  }

  @Test
  void anExpiredSignedUrlFailsAtOnceWithoutItsSignature() throws Exception {
    platform.json(403, "<Error>Request has expired</Error>");
    assertThatThrownBy(() -> platform.client.transfers().download(platform.url("/img/a.jpg?X-Signature=secret"), dir.resolve("a.jpg")))
        .isInstanceOf(PlatformException.Forbidden.class)
        .hasMessageContaining("expired").hasMessageContaining("/img/a.jpg").hasMessageNotContaining("secret");
    assertThat(platform.server.getRequestCount()).isEqualTo(1);
    assertThat(Files.list(dir)).isEmpty();
  }

  @Test
  void apiKeysNewKeysStayHidden() throws Exception {
    String fresh = "ul_" + "f".repeat(40);
    platform.ok("{\"keys\": [{\"_id\": \"k1\", \"name\": \"training-server\"}]}")
        .json(201, "{\"key\": \"" + fresh + "\", \"_id\": \"k2\", \"name\": \"ci\"}")
        .ok("{\"ok\": true}");
    assertThat(platform.client.apiKeys().list().keys().get(0).name()).isEqualTo("training-server");
    platform.next();
    CreatedApiKey created = platform.client.apiKeys().create("ci");
    assertThat(body(platform.next())).isEqualTo(PlatformJson.MAPPER.readTree("{\"name\": \"ci\"}"));
    assertThat(created.key()).isEqualTo(ApiKey.parse(fresh));
    assertThat(created.toString()).doesNotContain(fresh);
    platform.client.apiKeys().revoke("KEY_ID");
    RecordedRequest del = platform.next();
    assertThat(del.getMethod()).isEqualTo("DELETE");
    assertThat(del.getPath()).isEqualTo("/api/api-keys?keyId=KEY_ID");
  }

  @Test
  void trashListRestoreAndDeleteForever() throws Exception {
    platform.ok("{\"items\": [{\"_id\": \"item_abc123\", \"type\": \"dataset\", \"name\": \"d\"}], \"total\": 1}")
        .ok("{\"ok\": true}").ok("{\"ok\": true}");
    var trash = platform.client.trash().list(new TrashQuery("dataset", 2, 50, null));
    assertThat(platform.next().getPath()).isEqualTo("/api/trash?type=dataset&page=2&limit=50");
    assertThat(trash.items().get(0).id()).isEqualTo("item_abc123");
    TrashRef ref = new TrashRef("item_abc123", "dataset");
    platform.client.trash().restore(ref);
    RecordedRequest restore = platform.next();
    assertThat(restore.getMethod()).isEqualTo("POST");
    assertThat(body(restore)).isEqualTo(PlatformJson.MAPPER.readTree("{\"id\": \"item_abc123\", \"type\": \"dataset\"}"));
    platform.client.trash().deleteForever(ref);
    RecordedRequest delete = platform.next();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(body(delete).get("type").asText()).isEqualTo("dataset");
  }
}
