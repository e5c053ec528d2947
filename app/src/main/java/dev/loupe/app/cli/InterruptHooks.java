package dev.loupe.app.cli;

/**
 * Installs what happens on Ctrl+C while a long command runs: cancel the work, then wait for it to
 * stop so the workspace closes consistently. The JVM's shutdown hooks in the real program, nothing
 * in tests.
 */
public interface InterruptHooks {
  /** Installs a hook; closing the returned handle removes it. */
  AutoCloseable install(Runnable cancel, Runnable awaitFinished);

  InterruptHooks NONE = (cancel, await) -> () -> {};

  /** Shutdown hooks of the running JVM (SIGINT, SIGTERM). */
  static InterruptHooks jvm() {
    return (cancel, await) -> {
      Thread hook =
          new Thread(
              () -> {
                cancel.run();
                await.run();
              },
              "loupe-interrupt");
      Runtime.getRuntime().addShutdownHook(hook);
      return () -> {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running: it waits for us
        }
      };
    };
  }
}
