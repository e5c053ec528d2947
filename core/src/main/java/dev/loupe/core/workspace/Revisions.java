package dev.loupe.core.workspace;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace-wide revision counter and clock. Every change takes the next revision, so a sync can
 * ask for everything changed after a revision it saw.
 */
final class Revisions {
  private final AtomicLong last;
  private final Clock clock;

  Revisions(long last, Clock clock) {
    this.last = new AtomicLong(last);
    this.clock = clock;
  }

  long next() {
    return last.incrementAndGet();
  }

  long now() {
    return clock.millis();
  }

  Clock clock() {
    return clock;
  }
}
