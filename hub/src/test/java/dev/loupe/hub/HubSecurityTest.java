package dev.loupe.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.RateCategory;
import dev.loupe.core.platform.RetryPolicy;
import dev.loupe.core.platform.remote.CreatedApiKey;
import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.workspace.ApiKeyStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubSecurityTest {
  @TempDir Path dir;
  HubFixture hub;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  private HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hub.server.baseUrl().replace("/api", "") + path));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String error(HttpResponse<String> r) throws IOException {
    JsonNode n = ApiJson.MAPPER.readTree(r.body());
    return n.get("error").asText();
  }

  @Test
  void aMissingWrongOrRevokedKeyIsRefusedWith401() throws Exception {
    hub = new HubFixture(dir);
    HttpResponse<String> missing = get("/api/datasets", null);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(error(missing)).contains("API key is required");

    HttpResponse<String> wrong = get("/api/datasets", "ul_" + "0".repeat(40));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(error(wrong)).isEqualTo("invalid or revoked API key");
    assertThat(get("/api/datasets", "not-even-a-key").statusCode()).isEqualTo(401);

    CreatedApiKey second = hub.client.apiKeys().create("second");
    assertThat(get("/api/datasets", second.key().bearer().substring(7)).statusCode()).isEqualTo(200);
    hub.client.apiKeys().revoke(second.id());
    HttpResponse<String> revoked = get("/api/datasets", second.key().bearer().substring(7));
    assertThat(revoked.statusCode()).isEqualTo(401);

    try (PlatformClient anonymous = hub.client(null)) {
      assertThatThrownBy(() -> anonymous.datasets().list(DatasetQuery.all())).isInstanceOf(PlatformException.NoApiKey.class);
    }
    try (PlatformClient stranger = hub.client("ul_" + "ab".repeat(20))) {
      assertThatThrownBy(() -> stranger.datasets().list(DatasetQuery.all()))
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  @Test
  void keysAreListedWithoutTheKeyAndStoredOnlyAsAHash() throws Exception {
    hub = new HubFixture(dir);
    CreatedApiKey created = hub.client.apiKeys().create("laptop");
    String key = created.key().bearer().substring(7);
    assertThat(key).matches("ul_[0-9a-f]{40}");
    var list = hub.client.apiKeys().list();
    assertThat(list.keys()).extracting(k -> k.name()).containsExactly("test", "laptop");
    assertThat(get("/api/api-keys", hub.key).body()).doesNotContain(key).doesNotContain(hub.key);
    assertThat(ApiKeyStore.of(hub.workspace).list().toString()).doesNotContain(key);
  }

  @Test
  void aLocalHubHasOneOwnerAndAnotherOwnersListIsEmpty() throws Exception {
    hub = new HubFixture(dir);
    RemoteDataset d = hub.client.datasets().create(new NewDataset(null, "Mine", "detect", null, null, List.of()));
    assertThat(hub.client.datasets().list(DatasetQuery.all().withOwner("local")).datasets()).hasSize(1);
    assertThat(hub.client.datasets().list(DatasetQuery.all().withOwner("mallory")).datasets()).isEmpty();
    assertThat(hub.client.datasets().get(d.id()).username()).isEqualTo("local");
  }

  @Test
  void theRateWindowAnswers429WithRetryAfterAndReset() throws Exception {
    hub = new HubFixture(dir, HubConfig.defaults().withPort(0).withLimits(HubFixture.WIDE.with(RateCategory.DEFAULT, 3)));
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> ok = get("/api/datasets", hub.key);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
    }
    HttpResponse<String> limited = get("/api/datasets", hub.key);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(error(limited)).contains("rate limit exceeded");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    Instant reset = Instant.parse(limited.headers().firstValue("X-RateLimit-Reset").orElseThrow());
    assertThat(reset).isAfter(Instant.now()).isBefore(Instant.now().plusSeconds(61));
    assertThat(get("/api/datasets/ingest-x/export", hub.key).statusCode())
        .as("the export category has its own window").isNotEqualTo(429);

    try (PlatformClient impatient = PlatformClient.builder(hub.server.baseUrl())
        .apiKey(dev.loupe.core.platform.ApiKey.parse(hub.key)).rateLimits(HubFixture.WIDE)
        .retryPolicy(RetryPolicy.none()).build()) {
      assertThatThrownBy(() -> impatient.datasets().list(DatasetQuery.all()))
          .isInstanceOf(PlatformException.RateLimited.class);
    }
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    hub = new HubFixture(dir, HubConfig.defaults().withPort(0).withLimits(HubFixture.WIDE).withMaxBodyBytes(1024));
    String big = "{\"name\": \"" + "x".repeat(4096) + "\"}";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(hub.server.baseUrl() + "/datasets"))
        .header("Authorization", "Bearer " + hub.key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(big)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(error(r)).contains("larger than the hub takes");
    assertThat(hub.workspace.datasets().list()).isEmpty();
  }

  @Test
  void anUploadLargerThanTheLimitIsRefusedBeforeAnyByteIsSent() throws Exception {
    hub = new HubFixture(dir, HubConfig.defaults().withPort(0).withLimits(HubFixture.WIDE).withMaxUploadBytes(1000));
    assertThatThrownBy(() -> hub.client.uploads().signedUrl(new dev.loupe.core.platform.remote.SignedUploadRequest(
        "datasets", "new", "big.zip", "application/zip", 5000)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.status()).isEqualTo(413));
  }

  @Test
  void noPathFromARequestReachesOutsideTheWorkspace() throws Exception {
    hub = new HubFixture(dir);
    java.nio.file.Files.writeString(dir.resolve("secret.txt"), "top secret");
    for (String path : List.of("/api/datasets/..%2F..%2Fsecret.txt", "/api/datasets/%2e%2e/images",
        "/files/exports/..%2F..%2F..%2Fsecret.txt", "/files/datasets/x/images/..%2F..%2Fsecret.txt",
        "/api/datasets/a%5C..%5Csecret/images")) {
      HttpResponse<String> r = get(path, hub.key);
      assertThat(r.statusCode()).as(path).isIn(400, 403, 404);
      assertThat(r.body()).as(path).doesNotContain("top secret");
    }
    assertThat(raw("GET /files/exports/../../secret.txt HTTP/1.1")).doesNotContain("top secret").startsWith("HTTP/1.1 4");
    assertThat(raw("GET /api/datasets/../../../secret.txt HTTP/1.1")).doesNotContain("top secret").startsWith("HTTP/1.1 4");
    assertThatThrownBy(() -> hub.client.images().labels("..", "a".repeat(64))).isInstanceOf(PlatformException.class);
  }

  /** A request as written, unnormalized (an HTTP client would resolve the dots first). */
  private String raw(String requestLine) throws IOException {
    try (Socket s = new Socket("127.0.0.1", hub.server.port())) {
      OutputStream out = s.getOutputStream();
      out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + hub.key + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      in.transferTo(body);
      return body.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void theKeyNeverReachesTheLog() throws Exception {
    StringBuilder log = new StringBuilder();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        log.append(r.getLoggerName()).append(' ').append(r.getMessage()).append('\n');
        if (r.getThrown() != null) {
          log.append(r.getThrown()).append('\n');
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Logger hubLog = Logger.getLogger(RequestLog.LOGGER);
    Level before = hubLog.getLevel();
    root.addHandler(capture);
    hubLog.setLevel(Level.ALL);
    try {
      hub = new HubFixture(dir);
      hub.client.datasets().list(DatasetQuery.all());
      get("/api/datasets?key=" + hub.key, hub.key);
      get("/api/nothing-here", hub.key);
      get("/api/datasets", hub.key + "x");
      CreatedApiKey created = hub.client.apiKeys().create("logged?");
      assertThat(log).contains("GET /api/datasets -> 200");
      assertThat(log.toString()).doesNotContain(hub.key).doesNotContain(created.key().bearer().substring(7))
          .doesNotContain("signature=");
    } finally {
      root.removeHandler(capture);
      hubLog.setLevel(before);
    }
  }

  @Test
  void aPortInUseIsSaidPlainly() throws Exception {
    hub = new HubFixture(dir);
    HubConfig taken = HubConfig.defaults().withPort(hub.server.port());
    assertThatThrownBy(() -> HubServer.start(hub.workspace, taken))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + hub.server.port() + ": address already in use");
    assertThat(get("/api/datasets", hub.key).statusCode()).as("the first hub still serves").isEqualTo(200);
  }

  @Test
  void routesThatMakeNoSenseLocallyAnswerForbiddenAndUnknownOnesNotFound() throws Exception {
    hub = new HubFixture(dir);
    HttpResponse<String> training = http.send(HttpRequest.newBuilder(URI.create(hub.server.baseUrl() + "/training/start"))
        .header("Authorization", "Bearer " + hub.key).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(training.statusCode()).isEqualTo(403);
    assertThat(error(training)).contains("loupe train");
    assertThat(get("/api/billing/balance", hub.key).statusCode()).isEqualTo(403);
    HttpResponse<String> clone = http.send(HttpRequest.newBuilder(URI.create(hub.server.baseUrl() + "/datasets/abc/clone"))
        .header("Authorization", "Bearer " + hub.key).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(clone.statusCode()).isEqualTo(403);
    assertThat(error(clone)).contains("browser session");
    HttpResponse<String> unknown = get("/api/nothing-here", hub.key);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown)).contains("no route");
    assertThat(get("/files/exports/x.ndjson", null).statusCode()).as("unsigned file URL").isEqualTo(403);
  }
}
