package dev.loupe.core.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/**
 * How long a 429 asks to wait: {@code Retry-After} (seconds, or an HTTP date), else
 * {@code X-RateLimit-Reset} (an ISO instant as the platform sends, or epoch seconds).
 */
final class RetryAfter {
  private RetryAfter() {}

  /** The wait from now, never negative; null when neither header says. */
  static Duration of(Headers headers, Instant now) {
    Duration after = retryAfter(headers.get("Retry-After"), now);
    if (after != null) {
      return after;
    }
    Instant reset = reset(headers.get("X-RateLimit-Reset"));
    if (reset == null) {
      return null;
    }
    Duration d = Duration.between(now, reset);
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      double seconds = Double.parseDouble(v);
      return seconds <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(seconds * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static Instant reset(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException notIso) {
      try {
        long n = Long.parseLong(v);
        return n > 100_000_000_000L ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
      } catch (NumberFormatException notEpoch) {
        return null;
      }
    }
  }
}
