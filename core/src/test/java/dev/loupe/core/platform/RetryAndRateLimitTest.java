package dev.loupe.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.NewDataset;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 429 waits, retries of idempotent requests, and POSTs that are never repeated. */
class RetryAndRateLimitTest {
  static final String EMPTY_LIST = "{\"datasets\": [], \"total\": 0}";
  static final NewDataset NEW = new NewDataset("s", "S", "detect", null, "private", List.of("a"));

  final MockPlatform platform = new MockPlatform();

  @AfterEach
  void close() throws Exception {
    platform.close();
  }

  @Test
  void a429WaitsRetryAfterAndSendsAgain() {
    platform.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "12")
        .setBody("{\"error\": \"Too many requests\"}"));
    platform.ok(EMPTY_LIST);
    assertThat(platform.client.datasets().list(DatasetQuery.all()).total()).isZero();
    assertThat(platform.server.getRequestCount()).isEqualTo(2);
    assertThat(platform.clock.sleeps).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void a429WithoutRetryAfterWaitsUntilTheReset() {
    Instant reset = platform.clock.now().plusSeconds(30);
    platform.server.enqueue(new MockResponse().setResponseCode(429).setHeader("X-RateLimit-Reset", reset.toString()));
    platform.ok(EMPTY_LIST);
    platform.client.datasets().list(DatasetQuery.all());
    assertThat(platform.clock.now()).isEqualTo(reset);
  }

  @Test
  void aRateLimitedPostIsSentAgainSinceTheServerDidNotActOnIt() {
    platform.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "2"));
    platform.json(201, "{\"_id\": \"d\"}");
    assertThat(platform.client.datasets().create(NEW).id()).isEqualTo("d");
    assertThat(platform.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRateLimitLongerThanAcceptedFailsWithTheWait() {
    platform.server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3600")
        .setBody("{\"error\": \"Rate limit exceeded\"}"));
    assertThatThrownBy(() -> platform.client.datasets().list(DatasetQuery.all()))
        .isInstanceOfSatisfying(PlatformException.RateLimited.class, e -> {
          assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
          assertThat(e.serverMessage()).isEqualTo("Rate limit exceeded");
        });
    assertThat(platform.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGetIsRetriedOn5xxWithGrowingBackoff() {
    platform.json(503, "{\"error\": \"busy\"}").json(500, "{\"error\": \"oops\"}").ok(EMPTY_LIST);
    platform.client.datasets().list(DatasetQuery.all());
    assertThat(platform.server.getRequestCount()).isEqualTo(3);
    // jitter fixed at 0.5: half the delay plus half of the other half
    assertThat(platform.clock.sleeps).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
  }

  @Test
  void aGetGivesUpAfterItsAttemptsWithTheServersMessage() {
    for (int i = 0; i < 4; i++) {
      platform.json(500, "{\"error\": \"Database unavailable\"}");
    }
    assertThatThrownBy(() -> platform.client.datasets().get("d1"))
        .isInstanceOf(PlatformException.ServerError.class)
        .hasMessageContaining("Database unavailable").hasMessageContaining("500 INTERNAL_ERROR");
    assertThat(platform.server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aPostIsNotRepeatedOn5xx() {
    platform.json(502, "{\"error\": \"Bad gateway\"}").json(201, "{\"_id\": \"twice\"}");
    assertThatThrownBy(() -> platform.client.datasets().create(NEW)).isInstanceOf(PlatformException.ServerError.class);
    assertThat(platform.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aGetIsRetriedAfterTheConnectionDrops() {
    platform.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    platform.ok(EMPTY_LIST);
    platform.client.datasets().list(DatasetQuery.all());
    assertThat(platform.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPostIsNotRepeatedAfterTheConnectionDropsOnceSent() {
    platform.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
    platform.json(201, "{\"_id\": \"twice\"}");
    assertThatThrownBy(() -> platform.client.datasets().create(NEW))
        .isInstanceOf(PlatformException.Unreachable.class)
        .hasMessageContaining("not repeated");
    assertThat(platform.server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRetriedDeleteThatFindsNothingHadSucceeded() {
    platform.json(503, "").json(404, "{\"error\": \"Dataset not found\"}");
    platform.client.datasets().delete("d1");
    assertThat(platform.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void clientBudgetsHoldRequestsBeforeThePlatformWould() throws Exception {
    try (MockPlatform tight = new MockPlatform()) {
      PlatformClient client = PlatformClient.builder(tight.url("/api")).apiKey(ApiKey.parse(MockPlatform.KEY))
          .clock(tight.clock).rateLimits(RateLimits.platform().with(RateCategory.DEFAULT, 2)).build();
      for (int i = 0; i < 3; i++) {
        tight.ok(EMPTY_LIST);
        client.datasets().list(DatasetQuery.all());
      }
      assertThat(tight.clock.slept()).isEqualTo(Duration.ofMinutes(1));
      client.close();
    }
  }
}
