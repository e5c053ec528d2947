package dev.loupe.hub;

import dev.loupe.core.platform.RateCategory;
import dev.loupe.core.platform.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's per-key limits, served: a sliding window of 60 seconds per API key and
 * {@link RateCategory}, each category counted on its own. Thread-safe.
 */
final class RateLimiter {
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final RateLimits limits;
  private final Clock clock;
  private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

  RateLimiter(RateLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** The outcome: allowed with what remains, or refused until {@code reset}. */
  record Decision(boolean allowed, int limit, int remaining, Instant reset) {}

  Decision acquire(String keyId, RateCategory category) {
    int limit = limits.perMinute(category);
    Deque<Instant> window = windows.computeIfAbsent(keyId + '/' + category, k -> new ArrayDeque<>());
    Instant now = clock.instant();
    synchronized (window) {
      Instant horizon = now.minus(WINDOW);
      while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
        window.pollFirst();
      }
      if (window.size() >= limit) {
        return new Decision(false, limit, 0, window.peekFirst().plus(WINDOW));
      }
      window.addLast(now);
      return new Decision(true, limit, limit - window.size(), window.peekFirst().plus(WINDOW));
    }
  }
}
