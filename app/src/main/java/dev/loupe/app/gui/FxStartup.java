package dev.loupe.app.gui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * Starts JavaFX on a thread of its own, so that the toolkit comes up (half a second here: native
 * libraries, the display, the graphics pipeline) while the command line is read and the workspace
 * opens, instead of after them.
 */
public final class FxStartup {
  private static final AtomicBoolean BEGUN = new AtomicBoolean();
  private static final CompletableFuture<Void> READY = new CompletableFuture<>();

  private FxStartup() {}

  /** Starts the toolkit in the background, once; later calls do nothing. */
  public static void begin() {
    if (!BEGUN.compareAndSet(false, true)) {
      return;
    }
    Thread starter = new Thread(FxStartup::start, "fx-startup");
    starter.setDaemon(true);
    starter.start();
  }

  private static void start() {
    try {
      Platform.startup(() -> READY.complete(null));
    } catch (IllegalStateException alreadyRunning) {
      READY.complete(null);
    } catch (RuntimeException | Error e) {
      READY.completeExceptionally(e);
    }
  }

  /**
   * Waits until the toolkit is up, starting it if {@link #begin} was not called.
   *
   * @throws IllegalStateException when JavaFX cannot start (no display, no graphics pipeline)
   */
  public static void await() throws InterruptedException {
    begin();
    try {
      READY.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException("cannot open a window: " + cause.getMessage(), cause);
    }
  }
}
