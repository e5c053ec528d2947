package dev.loupe.training;

import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Watches a download of the platform client (which writes {@code NAME*.part} beside the target until
 * it is complete): reports the bytes written so far, and on a cancelled monitor cancels the client's
 * calls and interrupts the downloading thread, so the transfer stops at the socket.
 */
final class DownloadWatch implements AutoCloseable {
  private static final long EVERY_MILLIS = 200;

  private final Thread watcher;
  private final TaskMonitor monitor;
  private volatile boolean done;
  private volatile boolean cancelled;

  private DownloadWatch(PlatformClient client, Path folder, String name, TaskMonitor monitor) {
    this.monitor = monitor;
    Thread downloader = Thread.currentThread();
    this.watcher = new Thread(() -> {
      while (!done) {
        if (monitor.isCancelled() && !cancelled) {
          cancelled = true;
          client.cancelAll();
          downloader.interrupt();
        }
        long bytes = partBytes(folder, name);
        if (bytes > 0) {
          monitor.progress(bytes, -1, "downloading " + name + ": " + bytes / 1024 + " KiB");
        }
        try {
          Thread.sleep(EVERY_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "download-watch " + name);
    watcher.setDaemon(true);
  }

  static DownloadWatch start(PlatformClient client, Path folder, String name, TaskMonitor monitor) {
    monitor.checkCancelled();
    DownloadWatch watch = new DownloadWatch(client, folder, name, monitor);
    watch.watcher.start();
    return watch;
  }

  /** Throws when the watch cancelled the download (the client may have finished it regardless). */
  void checkNotCancelled() {
    if (cancelled || monitor.isCancelled()) {
      throw new CancelledException();
    }
  }

  @Override
  public void close() {
    done = true;
    watcher.interrupt();
    try {
      watcher.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (cancelled) {
      Thread.interrupted(); // the interrupt was for the transfer, not for whoever runs this thread
    }
  }

  private static long partBytes(Path folder, String name) {
    long total = 0;
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, glob(name) + "*.part")) {
      for (Path part : parts) {
        total += Files.size(part);
      }
    } catch (IOException | RuntimeException e) {
      return 0; // a part file may vanish as it is read: the next look counts again
    }
    return total;
  }

  private static String glob(String name) {
    return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
  }
}
