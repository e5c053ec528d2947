package dev.loupe.app.cli;

import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformClock;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.training.CloudTarget;
import dev.loupe.training.CloudTrainingBackend;
import dev.loupe.training.PushFirstResolver;
import dev.loupe.training.Polling;
import java.time.Duration;

/**
 * What the train commands need for cloud runs: the backend on the platform client, training a
 * dataset's pushed copy (else one of its slug), polled as asked.
 */
final class TrainCloud {
  private TrainCloud() {}

  /** Polling every {@code seconds} (null: every 10 s) on the system clock. */
  static Polling polling(Integer seconds) {
    if (seconds != null && seconds < 0) {
      throw new IllegalArgumentException("--poll-interval is seconds, 0 or more; got " + seconds);
    }
    return seconds == null ? Polling.STANDARD
        : new Polling(PlatformClock.SYSTEM, Duration.ofSeconds(seconds), Polling.STANDARD.maxFailures());
  }

  static CloudTrainingBackend backend(
      Workspace ws, PlatformClient client, CloudTarget target, Integer pollSeconds, ModelRuntime runtime) {
    return new CloudTrainingBackend(ws, client, PushFirstResolver.standard(ws, client), target,
        polling(pollSeconds), runtime::inspect);
  }
}
