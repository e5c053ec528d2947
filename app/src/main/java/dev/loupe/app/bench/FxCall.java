package dev.loupe.app.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Runs work on the JavaFX thread from a benchmark's thread and waits for its result. */
final class FxCall {
  private FxCall() {}

  /** {@code action}'s result, computed on the FX thread; its failure rethrown; at most 60 s. */
  static <T> T call(Callable<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(action.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result.get(60, TimeUnit.SECONDS);
  }
}
