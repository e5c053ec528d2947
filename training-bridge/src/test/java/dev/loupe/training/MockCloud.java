package dev.loupe.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.platform.ApiKey;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformClock;
import dev.loupe.core.platform.PlatformJson;
import dev.loupe.core.platform.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A scripted platform on loopback, a client of it, and polling on a clock that moves only when it is
 * slept on (each sleep recorded): cloud runs and exports are followed without waiting.
 */
public final class MockCloud implements AutoCloseable {
  public static final String KEY = "ul_" + "0123456789abcdef".repeat(2) + "01234567";

  /** Model files: ONNX files read as a two-class detect model; a .pt checkpoint is unreadable, as with the engines. */
  public static final Function<Path, ModelInfo> INSPECTOR = file -> {
    if (file.toString().endsWith(".pt")) {
      throw new IllegalArgumentException("a PyTorch checkpoint cannot be read");
    }
    return new ModelInfo("onnx", Task.DETECT, List.of("cat", "dog"), 64, 64, 32, false, null, 3, Map.of());
  };

  public final MockWebServer server = new MockWebServer();
  public final FakeClock clock = new FakeClock();
  public final PlatformClient client;
  public final Polling polling;

  public MockCloud() {
    try {
      server.start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    client = PlatformClient.builder(server.url("/api").toString()).apiKey(ApiKey.parse(KEY)).clock(clock)
        .retryPolicy(new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(1), 1, Duration.ofSeconds(30),
            () -> 0.5))
        .build();
    polling = new Polling(clock, Duration.ofSeconds(30), 3);
  }

  public MockCloud json(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
        .setBody(body));
    return this;
  }

  public MockCloud ok(String body) {
    return json(200, body);
  }

  /** Bytes served from a signed storage URL. */
  public MockCloud bytes(String body) {
    server.enqueue(new MockResponse().setBody(body));
    return this;
  }

  public String url(String path) {
    return server.url(path).toString();
  }

  public RecordedRequest next() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived");
      }
      return r;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The next requests as "METHOD PATH" lines. */
  public List<String> next(int n) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      RecordedRequest r = next();
      lines.add(r.getMethod() + " " + r.getPath());
    }
    return lines;
  }

  public static JsonNode body(RecordedRequest r) throws IOException {
    return PlatformJson.MAPPER.readTree(r.getBody().readString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.shutdown();
  }

  /** A clock that moves only when slept on. */
  public static final class FakeClock implements PlatformClock {
    private Instant now = Instant.parse("2026-02-21T12:34:00Z");
    public final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized Instant now() {
      return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
      sleeps.add(duration);
      now = now.plus(duration);
    }
  }
}
