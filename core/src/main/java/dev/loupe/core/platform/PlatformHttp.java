package dev.loupe.core.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.loupe.core.task.CancelledException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Sends {@link ApiRequest}s: the budget first, then the call with {@code Authorization: Bearer},
 * then the answer: JSON on 2xx; a 429 waited out and sent again; 5xx and I/O errors retried for
 * idempotent requests only; other errors as {@link PlatformException}s. Logs method, path and status,
 * never headers or bodies.
 */
final class PlatformHttp {
  private static final System.Logger LOG = System.getLogger("dev.loupe.core.platform");
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final ApiKey key;
  private final RateBudget budget;
  private final RetryPolicy policy;
  private final PlatformClock clock;

  PlatformHttp(OkHttpClient http, HttpUrl base, ApiKey key, RateBudget budget, RetryPolicy policy, PlatformClock clock) {
    this.http = http;
    this.base = base;
    this.key = key;
    this.budget = budget;
    this.policy = policy;
    this.clock = clock;
  }

  HttpUrl base() {
    return base;
  }

  boolean hasKey() {
    return key != null;
  }

  /** The response body as JSON ({@link MissingNode} when empty). */
  JsonNode send(ApiRequest request) {
    String what = request.describe(base.encodedPath().replaceAll("/$", ""));
    SessionOnlyRoute.match(request.method(), request.path()).ifPresent(r -> {
      throw new PlatformException.BrowserSessionRequired(r);
    });
    if (key == null) {
      throw new PlatformException.NoApiKey(what);
    }
    Request httpRequest = build(request);
    int attempt = 1;
    int rateWaits = 0;
    while (true) {
      budget.acquire(request.category());
      try (Response response = execute(httpRequest, what)) {
        int status = response.code();
        LOG.log(Level.DEBUG, () -> what + " -> " + status);
        if (response.isSuccessful()) {
          return parse(response, what);
        }
        ErrorBody error = ErrorBody.read(response);
        if (status == 429) {
          Duration wait = RetryAfter.of(response.headers(), clock.now());
          Duration pause = wait == null ? policy.backoff(rateWaits + 2) : wait;
          budget.pauseUntil(request.category(), clock.now().plus(pause));
          if (rateWaits >= policy.rateLimitWaits() || pause.compareTo(policy.maxRateLimitWait()) > 0) {
            throw PlatformException.fromResponse(status, error.code(), error.message(), what, wait);
          }
          rateWaits++;
          LOG.log(Level.INFO, () -> what + " rate-limited; waiting " + pause.toMillis() + " ms");
          continue;
        }
        if (status >= 500 && request.idempotent() && attempt < policy.attempts()) {
          attempt = backoff(attempt, what, "HTTP " + status);
          continue;
        }
        if (status == 404 && attempt > 1 && request.method().equals("DELETE")) {
          return MissingNode.getInstance();
        }
        throw PlatformException.fromResponse(status, error.code(), error.message(), what, null);
      } catch (RetryableIo e) {
        if (!request.idempotent() || attempt >= policy.attempts()) {
          throw new PlatformException.Unreachable(
              what + " failed: " + e.getCause().getMessage()
                  + (request.idempotent() ? " (after " + attempt + " tries)" : " (not repeated: it may have been applied)"),
              e.getCause());
        }
        attempt = backoff(attempt, what, e.getCause().toString());
      }
    }
  }

  private int backoff(int attempt, String what, String why) {
    Duration wait = policy.backoff(attempt + 1);
    LOG.log(Level.INFO, () -> what + " failed (" + why + "); try " + (attempt + 1) + " in " + wait.toMillis() + " ms");
    sleep(wait);
    return attempt + 1;
  }

  private void sleep(Duration wait) {
    try {
      clock.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    }
  }

  private Response execute(Request request, String what) {
    try {
      return http.newCall(request).execute();
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted() || "Canceled".equalsIgnoreCase(e.getMessage())) {
        throw new CancelledException();
      }
      throw new RetryableIo(e);
    } catch (IOException e) {
      if ("Canceled".equalsIgnoreCase(e.getMessage())) {
        throw new CancelledException();
      }
      throw new RetryableIo(e);
    }
  }

  private Request build(ApiRequest request) {
    HttpUrl.Builder url = base.newBuilder();
    request.segments().forEach(url::addPathSegment);
    for (Map.Entry<String, String> q : request.queryParameters().entrySet()) {
      url.addQueryParameter(q.getKey(), q.getValue());
    }
    RequestBody body = request.rawBody();
    if (request.jsonBody() != null) {
      try {
        body = RequestBody.create(PlatformJson.MAPPER.writeValueAsBytes(request.jsonBody()), JSON);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write the body of " + request.path() + ": " + e.getMessage(), e);
      }
    }
    if (body == null && (request.method().equals("POST") || request.method().equals("PUT") || request.method().equals("PATCH"))) {
      body = RequestBody.create(new byte[0], JSON);
    }
    if (body != null && !request.idempotent()) {
      body = new OneShot(body);
    }
    return new Request.Builder()
        .url(url.build())
        .header("Authorization", key.bearer())
        .header("Accept", "application/json")
        .method(request.method(), body)
        .build();
  }

  private static JsonNode parse(Response response, String what) {
    try {
      byte[] bytes = response.body().bytes();
      if (bytes.length == 0) {
        return MissingNode.getInstance();
      }
      return PlatformJson.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new PlatformException.BadResponse(response.code(), what + " answered with text that is not JSON", e);
    } catch (IOException e) {
      throw new PlatformException.Unreachable(what + ": the response broke off: " + e.getMessage(), e);
    }
  }

  /** An I/O failure that may be retried; unwrapped by {@link #send}. */
  private static final class RetryableIo extends RuntimeException {
    RetryableIo(IOException cause) {
      super(cause);
    }
  }

  /**
   * A body okhttp must not send twice: it then retries only failures before the request went out
   * (a refused connection), never one the server may have acted on.
   */
  private static final class OneShot extends RequestBody {
    private final RequestBody body;

    OneShot(RequestBody body) {
      this.body = body;
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      body.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
