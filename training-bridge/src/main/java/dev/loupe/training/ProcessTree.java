package dev.loupe.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process and every process it started (a training's data-loader workers, a shell's
 * children): the descendants as they are now, deepest first, then the process itself, each
 * forcibly, and waits for them all to be gone.
 */
public final class ProcessTree {
  private static final long WAIT_SECONDS = 20;

  private ProcessTree() {}

  /**
   * Kills {@code root} and its descendants.
   *
   * @return the processes that were still alive after the wait (empty when all ended)
   */
  public static List<ProcessHandle> kill(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    java.util.Collections.reverse(all); // descendants() lists parents before their children
    all.add(root);
    for (ProcessHandle p : all) {
      p.destroyForcibly();
    }
    List<ProcessHandle> left = new ArrayList<>();
    for (ProcessHandle p : all) {
      if (!await(p.onExit())) {
        left.add(p);
      }
    }
    return left;
  }

  private static boolean await(CompletableFuture<ProcessHandle> exit) {
    try {
      exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }
}
