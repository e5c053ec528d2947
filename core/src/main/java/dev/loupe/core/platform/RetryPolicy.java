package dev.loupe.core.platform;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how long the client retries. Idempotent requests (GET, PUT, DELETE, PATCH of set
 * fields, read-only POSTs) are retried on 5xx and on I/O errors with exponential backoff and jitter;
 * a 429 is waited out (Retry-After, else X-RateLimit-Reset) for any request, since the server did not
 * act on it. A request that creates something is never repeated after it may have reached the server.
 *
 * @param attempts tries in all for an idempotent request (1 = no retry)
 * @param baseDelay the backoff before the second try; doubled for each try after
 * @param maxDelay the longest backoff
 * @param rateLimitWaits 429s waited out per request before giving up
 * @param maxRateLimitWait the longest 429 wait accepted; a longer one fails at once
 * @param jitter a number in [0, 1) per backoff (random; fixed in tests)
 */
public record RetryPolicy(
    int attempts,
    Duration baseDelay,
    Duration maxDelay,
    int rateLimitWaits,
    Duration maxRateLimitWait,
    DoubleSupplier jitter) {

  public RetryPolicy {
    if (attempts < 1 || rateLimitWaits < 0) {
      throw new IllegalArgumentException("attempts must be >= 1 and rateLimitWaits >= 0");
    }
  }

  /** 4 tries, 0.5 s doubling to at most 30 s, up to 5 waits of at most 5 minutes on 429. */
  public static RetryPolicy standard() {
    return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), 5, Duration.ofMinutes(5),
        () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
  }

  /** No retries and no 429 waits. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO, () -> 0);
  }

  /**
   * The wait before try {@code nextAttempt} (2, 3, ...): half of the exponential delay fixed, half
   * random ("equal jitter"), so many clients do not retry in step.
   */
  public Duration backoff(int nextAttempt) {
    long exp = baseDelay.toMillis() << Math.min(30, Math.max(0, nextAttempt - 2));
    long capped = Math.min(exp, maxDelay.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (long) (jitter.getAsDouble() * (capped - half)));
  }
}
