package dev.loupe.hub;

import dev.loupe.core.workspace.ApiKeyRecord;
import dev.loupe.core.workspace.ApiKeyStore;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a request in only with {@code Authorization: Bearer <key>} naming a valid (not revoked) key of
 * the workspace; anything else is a 401. The key is compared by its sha-256 and never kept, logged or
 * echoed. Valid keys are remembered by their hash (the workspace is this process's alone, so a key
 * changes only through {@link #forget}'s callers); when a key was last used is written at most once
 * a minute.
 */
final class KeyGuard {
  static final String KEY_ATTRIBUTE = "hub.key";
  private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

  private final ApiKeyStore keys;
  private final Clock clock;
  private final Map<String, Instant> touched = new ConcurrentHashMap<>();
  private final Map<String, ApiKeyRecord> valid = new ConcurrentHashMap<>();

  KeyGuard(ApiKeyStore keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The key the request carries, checked; stored on the request for the handlers. */
  ApiKeyRecord check(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw ApiException.unauthorized("an API key is required: Authorization: Bearer ul_...");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.unauthorized("the Authorization header must be 'Bearer <API key>'");
    }
    String presented = header.substring(7).strip();
    String hash = sha256(presented);
    ApiKeyRecord key = valid.get(hash);
    if (key == null) {
      key = keys.authenticate(presented).orElseThrow(() -> ApiException.unauthorized("invalid or revoked API key"));
      valid.put(hash, key);
    }
    ctx.attribute(KEY_ATTRIBUTE, key);
    Instant now = clock.instant();
    Instant last = touched.get(key.id());
    if (last == null || Duration.between(last, now).compareTo(TOUCH_EVERY) >= 0) {
      touched.put(key.id(), now);
      keys.markUsed(key.id(), now);
    }
    return key;
  }

  /** Forgets the remembered keys (one was revoked). */
  void forget() {
    valid.clear();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
