package dev.loupe.core.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * The time the client reads and the waits it makes (rate budgets, Retry-After, backoff), apart so
 * tests run them on a fake clock without sleeping.
 */
public interface PlatformClock {
  /** The system clock and {@link Thread#sleep}. */
  PlatformClock SYSTEM =
      new PlatformClock() {
        @Override
        public Instant now() {
          return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
          }
        }
      };

  Instant now();

  /** Waits {@code duration}; an interrupt ends the wait. */
  void sleep(Duration duration) throws InterruptedException;
}
