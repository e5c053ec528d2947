package dev.loupe.app.gui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/** The JavaFX thread for view-model tests (headless Monocle from the surefire argLine), no stage. */
public final class Fx {
  private static boolean started;

  private Fx() {}

  public static synchronized void start() {
    if (started) {
      return;
    }
    try {
      // the way TestFX starts the toolkit, so window tests in the same JVM find it as they expect
      org.testfx.api.FxToolkit.registerPrimaryStage();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("JavaFX did not start", e);
    }
    Platform.setImplicitExit(false);
    started = true;
  }

  /** Runs {@code action} on the FX thread and returns its result (exceptions come back unwrapped). */
  public static <T> T call(Callable<T> action) {
    start();
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(action.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static void run(Runnable action) {
    call(() -> {
      action.run();
      return null;
    });
  }

  /** Waits until {@code condition}, read on the FX thread, holds. */
  public static void waitFor(BooleanSupplier condition, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!call(condition::getAsBoolean)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
