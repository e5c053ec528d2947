package dev.loupe.core.workspace;

import dev.loupe.core.io.Thumbnailer;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes the 256 px thumbnails of stored images, off the import's path: imports mark new images as
 * pending and this service works through them in the background, on as many threads as asked.
 * Thumbnails live under {@code thumbs/ab/<hash>.jpg}.
 */
public final class ThumbnailService {
  static final int PENDING = 0;
  static final int DONE = 1;
  static final int FAILED = 2;
  public static final int SIZE = 256;

  private final Workspace workspace;
  private final Thumbnailer thumbnailer = new Thumbnailer();
  private final AtomicBoolean running = new AtomicBoolean();

  ThumbnailService(Workspace workspace) {
    this.workspace = workspace;
  }

  public static Path thumbPath(Path workspaceRoot, String hash) {
    return workspaceRoot.resolve("thumbs").resolve(hash.substring(0, 2)).resolve(hash + ".jpg");
  }

  /** Where the thumbnail of {@code hash} is, once made. */
  public Path path(String hash) {
    return thumbPath(workspace.root(), hash);
  }

  /** How many images still wait for a thumbnail. */
  public long pending() {
    return workspace.db().read(
        c -> {
          try (ResultSet rs =
              c.createStatement().executeQuery("SELECT COUNT(*) FROM blob WHERE thumb_state = " + PENDING)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * Makes every pending thumbnail on {@code threads} threads, reporting progress; returns how many
   * were made. Stops early, keeping what is done, when the monitor is cancelled.
   */
  public long generatePending(int threads, TaskMonitor monitor) {
    if (!running.compareAndSet(false, true)) {
      return 0;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "loupe-thumbnails");
      t.setDaemon(true);
      return t;
    });
    try {
      long total = pending();
      long done = 0;
      while (!monitor.isCancelled() && !Thread.currentThread().isInterrupted()) {
        List<String> hashes = nextPending(512);
        if (hashes.isEmpty()) {
          break;
        }
        List<Future<Integer>> results = new ArrayList<>();
        for (String hash : hashes) {
          results.add(pool.submit(() -> make(hash)));
        }
        List<String> ok = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
          int state = get(results.get(i));
          if (state != PENDING) {
            (state == DONE ? ok : failed).add(hashes.get(i));
          }
        }
        mark(ok, DONE);
        mark(failed, FAILED);
        done += hashes.size();
        monitor.progress(done, total, "thumbnails " + done + "/" + total);
      }
      return done;
    } finally {
      pool.shutdownNow();
      running.set(false);
    }
  }

  private int make(String hash) {
    Path target = path(hash);
    try {
      Files.createDirectories(target.getParent());
      thumbnailer.writeThumbnail(workspace.content().path(hash), target, SIZE);
      return DONE;
    } catch (IOException | RuntimeException e) {
      return FAILED;
    }
  }

  private static int get(Future<Integer> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PENDING; // not tried: stays pending for the next run
    } catch (java.util.concurrent.ExecutionException e) {
      return FAILED;
    }
  }

  private List<String> nextPending(int limit) {
    return workspace.db().read(
        c -> {
          List<String> hashes = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement("SELECT hash FROM blob WHERE thumb_state = ? LIMIT ?")) {
            ps.setInt(1, PENDING);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                hashes.add(rs.getString(1));
              }
            }
          }
          return hashes;
        });
  }

  private void mark(List<String> hashes, int state) {
    if (hashes.isEmpty()) {
      return;
    }
    workspace.db().write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("UPDATE blob SET thumb_state = ? WHERE hash = ?")) {
            for (String hash : hashes) {
              ps.setInt(1, state);
              ps.setString(2, hash);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }
}
