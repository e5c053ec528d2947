package dev.loupe.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.platform.remote.DatasetQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The error-code table as typed exceptions, session-only routes refused, and the key kept out of text. */
class ErrorsAndSecretsTest {
  @ParameterizedTest
  @CsvSource({
    "400, VALIDATION_ERROR, Invalid",
    "401, UNAUTHORIZED, Unauthorized",
    "403, FORBIDDEN, Forbidden",
    "404, NOT_FOUND, NotFound",
    "409, CONFLICT, Conflict",
    "418, UNKNOWN, PlatformException"
  })
  void eachStatusIsItsOwnExceptionCarryingTheServersMessage(int status, ErrorCode code, String type) throws Exception {
    try (MockPlatform platform = new MockPlatform()) {
      platform.json(status, "{\"error\": \"Dataset not found\"}");
      assertThatThrownBy(() -> platform.client.datasets().get("d1"))
          .isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.getClass().getSimpleName()).isEqualTo(type);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.serverMessage()).isEqualTo("Dataset not found");
            assertThat(e.getMessage()).startsWith("Dataset not found (" + status).contains("GET /api/datasets/d1");
          });
    }
  }

  @Test
  void theServersOwnCodeWinsAndOtherErrorShapesAreRead() throws Exception {
    try (MockPlatform platform = new MockPlatform()) {
      platform.json(400, "{\"error\": {\"code\": \"FORBIDDEN\", \"message\": \"not yours\"}}")
          .json(400, "<html>Bad request</html>");
      assertThatThrownBy(() -> platform.client.datasets().get("d1"))
          .isInstanceOf(PlatformException.Forbidden.class).hasMessageStartingWith("not yours");
      assertThatThrownBy(() -> platform.client.datasets().get("d1"))
          .isInstanceOf(PlatformException.Invalid.class).hasMessageStartingWith("<html>Bad request</html>");
    }
  }

  @Test
  void sessionOnlyRoutesAreRefusedWithoutSending() throws Exception {
    try (MockPlatform platform = new MockPlatform()) {
      assertThatThrownBy(() -> platform.client.send(ApiRequest.post("datasets", "d1", "clone")))
          .isInstanceOfSatisfying(PlatformException.BrowserSessionRequired.class,
              e -> assertThat(e.route()).isEqualTo(SessionOnlyRoute.DATASET_CLONE))
          .hasMessageContaining("browser session");
      assertThatThrownBy(() -> platform.client.send(ApiRequest.delete("trash", "empty")))
          .isInstanceOf(PlatformException.BrowserSessionRequired.class);
      assertThatThrownBy(() -> platform.client.send(ApiRequest.get("billing", "balance")))
          .isInstanceOf(PlatformException.BrowserSessionRequired.class);
      assertThatThrownBy(() -> platform.client.send(ApiRequest.get("models", "m1", "training")))
          .isInstanceOf(PlatformException.BrowserSessionRequired.class);
      assertThat(platform.server.getRequestCount()).isZero();
      assertThat(SessionOnlyRoute.match("DELETE", "/trash")).isEmpty();
      assertThat(SessionOnlyRoute.match("GET", "/datasets/d1")).isEmpty();
    }
  }

  @Test
  void withoutAKeyNothingIsSent() throws Exception {
    try (MockPlatform platform = new MockPlatform()) {
      PlatformClient anonymous = PlatformClient.builder(platform.url("/api")).build();
      assertThatThrownBy(() -> anonymous.datasets().list(DatasetQuery.all()))
          .isInstanceOf(PlatformException.NoApiKey.class)
          .hasMessageContaining("LOUPE_API_KEY").hasMessageContaining("loupe platform login");
      assertThat(platform.server.getRequestCount()).isZero();
      anonymous.close();
    }
  }

  @Test
  void theKeyAppearsInNoExceptionNoLogAndNoStandardStream() throws Exception {
    List<String> logged = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord r) {
        logged.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level before = root.getLevel();
    root.setLevel(Level.ALL);
    Logger.getLogger("dev.loupe.core.platform").setLevel(Level.ALL);
    root.addHandler(capture);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Throwable> thrown = new ArrayList<>();
    try (MockPlatform platform = new MockPlatform()) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
      platform.json(500, "{}").json(500, "{}").json(500, "{}").json(500, "{}")
          .json(401, "{\"error\": \"Invalid API key " + MockPlatform.KEY + "\"}");
      platform.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
      platform.ok("{\"datasets\": \"not a list\"}");
      for (int i = 0; i < 3; i++) {
        try {
          platform.client.datasets().list(DatasetQuery.all());
        } catch (RuntimeException e) {
          thrown.add(e);
        }
      }
      platform.server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
      try {
        platform.client.datasets().create(RetryAndRateLimitTest.NEW);
      } catch (RuntimeException e) {
        thrown.add(e);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(capture);
      root.setLevel(before);
    }
    assertThat(thrown).hasSize(4).extracting(t -> t.getClass().getSimpleName())
        .containsExactly("ServerError", "Unauthorized", "BadResponse", "Unreachable");
    assertThat(logged).isNotEmpty();
    String secret = MockPlatform.KEY.substring(3);
    for (Throwable t : thrown) {
      java.io.StringWriter trace = new java.io.StringWriter();
      t.printStackTrace(new java.io.PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(secret);
    }
    assertThat(String.join("\n", logged)).doesNotContain(secret);
    assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain(secret);
  }
}
