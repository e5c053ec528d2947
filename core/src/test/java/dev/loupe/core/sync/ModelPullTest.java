package dev.loupe.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.remote.RemoteModel;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's remote models with metrics, and a model's files pulled into the registry. */
class ModelPullTest {
  @TempDir Path dir;

  @Test
  void listsModelsWithMetricsAndRegistersTheModelFilesItCanKeep() throws Exception {
    byte[] weights = "not really a checkpoint".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (MockWebServer server = new MockWebServer(); Workspace ws = Workspace.open(dir.resolve("ws"))) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest r) {
          String path = r.getRequestUrl().encodedPath();
          return switch (path) {
            case "/api/models" -> json("{\"models\": [{\"_id\": \"m1\", \"name\": \"pets-v1\", \"status\": \"completed\","
                + " \"metrics\": {\"mAP50\": 0.81, \"mAP50-95\": 0.55}}], \"count\": 1}");
            case "/api/models/m1" -> json("{\"_id\": \"m1\", \"name\": \"pets-v1\", \"description\": \"from the cloud\"}");
            case "/api/models/m1/files" -> json("{\"files\": [{\"name\": \"best.pt\", \"url\": \""
                + server.url("/store/best.pt") + "?sig=1\"}, {\"name\": \"results.csv\", \"url\": \""
                + server.url("/store/results.csv") + "?sig=1\"}]}");
            case "/store/best.pt" -> new MockResponse().setBody(new Buffer().write(weights));
            default -> new MockResponse().setResponseCode(404).setBody("{\"error\": \"no " + path + "\"}");
          };
        }
      });
      server.start();
      try (PlatformClient client = PlatformClient.builder(server.url("/api").toString())
          .apiKey(ApiKey.parse(FakePlatform.KEY)).build()) {
        ModelPull pull = new ModelPull(ws, client);
        List<RemoteModel> models = pull.list("p1");
        assertThat(models).singleElement().satisfies(m -> assertThat(m.metrics()).containsEntry("mAP50", 0.81));

        List<ModelRecord> pulled = pull.pull("m1", file -> {
          throw new IllegalArgumentException("a .pt checkpoint cannot be read");
        }, TaskMonitor.NONE);

        assertThat(pulled).singleElement().satisfies(m -> {
          assertThat(m.name()).isEqualTo("pets-v1");
          assertThat(m.format()).isEqualTo("pt");
        });
        assertThat(Files.readAllBytes(ws.models().file(pulled.get(0)))).isEqualTo(weights);
        assertThat(ws.models().list(null)).hasSize(1);
      }
    }
  }

  static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
