package dev.loupe.core.platform;

import dev.loupe.core.task.CancelledException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * The client's own sliding-window budget per {@link RateCategory}: at most N requests in any 60
 * seconds, so normal use stays under the platform's limits and never meets a 429. A 429 pauses its
 * category until the server's reset. Thread-safe; a caller over budget waits (interruptibly).
 */
public final class RateBudget {
  static final Duration WINDOW = Duration.ofMinutes(1);

  private final RateLimits limits;
  private final PlatformClock clock;
  private final Map<RateCategory, Deque<Instant>> sent = new EnumMap<>(RateCategory.class);
  private final Map<RateCategory, Instant> pausedUntil = new EnumMap<>(RateCategory.class);

  public RateBudget(RateLimits limits, PlatformClock clock) {
    this.limits = limits;
    this.clock = clock;
    for (RateCategory c : RateCategory.values()) {
      sent.put(c, new ArrayDeque<>());
    }
  }

  /**
   * Takes one request from {@code category}'s budget, waiting until the window has room.
   *
   * @throws CancelledException when the thread is interrupted while waiting
   */
  public void acquire(RateCategory category) {
    while (true) {
      Duration wait = tryAcquire(category);
      if (wait == null) {
        return;
      }
      try {
        clock.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      }
    }
  }

  /** Null when a request was taken, else how long until one may be. */
  private synchronized Duration tryAcquire(RateCategory category) {
    Instant now = clock.now();
    Instant paused = pausedUntil.get(category);
    if (paused != null && now.isBefore(paused)) {
      return Duration.between(now, paused);
    }
    Deque<Instant> window = sent.get(category);
    Instant horizon = now.minus(WINDOW);
    while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
      window.pollFirst();
    }
    if (window.size() < limits.perMinute(category)) {
      window.addLast(now);
      return null;
    }
    return Duration.between(horizon, window.peekFirst());
  }

  /** Holds back {@code category} until {@code until} (the server said so with a 429). */
  public synchronized void pauseUntil(RateCategory category, Instant until) {
    Instant current = pausedUntil.get(category);
    if (current == null || until.isAfter(current)) {
      pausedUntil.put(category, until);
    }
  }

  /** Requests taken from {@code category} in the last minute. */
  public synchronized int used(RateCategory category) {
    Instant horizon = clock.now().minus(WINDOW);
    return (int) sent.get(category).stream().filter(t -> t.isAfter(horizon)).count();
  }
}
