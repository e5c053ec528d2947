package dev.loupe.core.platform;

import dev.loupe.core.task.CancelledException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Moves bytes to and from signed storage URLs (uploads, exports, images). These go to the storage
 * host, not the API: they carry no {@code Authorization} header and count against no API budget.
 * PUT and GET are idempotent, so both are retried on 5xx and I/O errors. An expired or refused URL
 * (403, 400) fails at once. Messages name the URL's host and path, never its signature.
 */
public final class SignedTransfers {
  private static final System.Logger LOG = System.getLogger("dev.loupe.core.platform");

  private final OkHttpClient http;
  private final RetryPolicy policy;
  private final PlatformClock clock;

  SignedTransfers(OkHttpClient http, RetryPolicy policy, PlatformClock clock) {
    this.http = http;
    this.policy = policy;
    this.clock = clock;
  }

  /** A file fetched: its size and sha-256 (hex), computed as it was written. */
  public record Download(Path file, long bytes, String sha256) {}

  /** PUTs {@code file} to {@code url} with {@code contentType}. */
  public void upload(String url, Path file, String contentType) {
    RequestBody body = RequestBody.create(file.toFile(), MediaType.get(contentType));
    Request request = new Request.Builder().url(parse(url)).put(body).build();
    run(request, response -> null);
  }

  /** GETs {@code url} into {@code target} (written beside it, then moved in place). */
  public Download download(String url, Path target) {
    Request request = new Request.Builder().url(parse(url)).get().build();
    return run(request, response -> {
      Path dir = target.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path part = Files.createTempFile(dir, target.getFileName().toString(), ".part");
      try {
        MessageDigest sha = sha256();
        long bytes;
        try (InputStream in = new DigestInputStream(response.body().byteStream(), sha);
            OutputStream out = Files.newOutputStream(part)) {
          bytes = in.transferTo(out);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Download(target, bytes, HexFormat.of().formatHex(sha.digest()));
      } finally {
        Files.deleteIfExists(part);
      }
    });
  }

  /** The sha-256 (hex) of {@code file}. */
  public static String sha256(Path file) {
    MessageDigest sha = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private interface Handler<T> {
    T handle(Response response) throws IOException;
  }

  private <T> T run(Request request, Handler<T> handler) {
    String what = request.method() + " " + request.url().host() + request.url().encodedPath();
    int attempt = 1;
    while (true) {
      try (Response response = http.newCall(request).execute()) {
        int status = response.code();
        if (response.isSuccessful()) {
          return handler.handle(response);
        }
        if (status >= 500 && attempt < policy.attempts()) {
          attempt = backoff(attempt, what, "HTTP " + status);
          continue;
        }
        ErrorBody error = ErrorBody.read(response);
        String hint = status == 403 || status == 400 ? " (the signed URL may have expired)" : "";
        throw PlatformException.fromResponse(status, null,
            error.message() == null ? "storage refused the transfer" + hint : error.message() + hint, what, null);
      } catch (InterruptedIOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new CancelledException();
        }
        attempt = retryOrFail(attempt, what, e);
      } catch (IOException e) {
        if ("Canceled".equalsIgnoreCase(e.getMessage())) {
          throw new CancelledException();
        }
        attempt = retryOrFail(attempt, what, e);
      }
    }
  }

  private int retryOrFail(int attempt, String what, IOException e) {
    if (attempt >= policy.attempts()) {
      throw new PlatformException.Unreachable(what + " failed after " + attempt + " tries: " + e.getMessage(), e);
    }
    return backoff(attempt, what, e.toString());
  }

  private int backoff(int attempt, String what, String why) {
    Duration wait = policy.backoff(attempt + 1);
    LOG.log(System.Logger.Level.INFO, () -> what + " failed (" + why + "); try " + (attempt + 1) + " in " + wait.toMillis() + " ms");
    try {
      clock.sleep(wait);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    }
    return attempt + 1;
  }

  private static HttpUrl parse(String url) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + (url == null ? "null" : url.replaceAll("\\?.*", "?...")));
    }
    return parsed;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
