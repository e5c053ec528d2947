package dev.loupe.core.platform;

import java.io.IOException;
import java.time.Duration;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** A scripted platform on loopback and a client of it on a fake clock. */
final class MockPlatform implements AutoCloseable {
  static final String KEY = ApiKeyTest.KEY;

  final MockWebServer server = new MockWebServer();
  final FakeClock clock = new FakeClock();
  final PlatformClient client;

  MockPlatform() {
    this(new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), 5, Duration.ofMinutes(5), () -> 0.5));
  }

  MockPlatform(RetryPolicy retry) {
    try {
      server.start();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    client = PlatformClient.builder(server.url("/api").toString())
        .apiKey(ApiKey.parse(KEY)).clock(clock).retryPolicy(retry).build();
  }

  MockPlatform json(int status, String body) {
    server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body));
    return this;
  }

  MockPlatform ok(String body) {
    return json(200, body);
  }

  RecordedRequest next() {
    try {
      RecordedRequest r = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived");
      }
      return r;
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  String url(String path) {
    return server.url(path).toString();
  }

  @Override
  public void close() throws IOException {
    client.close();
    server.shutdown();
  }
}
