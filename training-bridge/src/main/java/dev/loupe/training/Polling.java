package dev.loupe.training;

import dev.loupe.core.platform.PlatformClock;
import dev.loupe.core.task.CancelledException;
import java.time.Duration;

/**
 * How often the cloud backend and export jobs ask the platform how a job goes, and the clock they
 * wait on (a fake one in tests, so polling runs without sleeping).
 *
 * @param interval the wait between two polls
 * @param maxFailures how many polls in a row may fail (platform unreachable, 5xx) before the job is
 *     given up as lost
 */
public record Polling(PlatformClock clock, Duration interval, int maxFailures) {
  /** Every 10 seconds on the system clock; 6 failed polls in a row lose the job. */
  public static final Polling STANDARD = new Polling(PlatformClock.SYSTEM, Duration.ofSeconds(10), 6);

  public Polling {
    if (clock == null || interval == null || interval.isNegative() || maxFailures < 1) {
      throw new IllegalArgumentException("polling needs a clock, a wait of zero or more and at least one try");
    }
  }

  /** Waits one interval; an interrupt counts as a cancel. */
  void pause() {
    try {
      clock.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancelledException();
    }
  }
}
