package dev.loupe.app.gui.grid;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Function;
import javafx.scene.image.Image;

/**
 * Thumbnails for the grid, decoded off the FX thread and kept in a least-recently-used cache. The
 * newest request is served first and the oldest dropped when too many wait, so a fast scroll does
 * not queue up the images it flew past. An image whose 256 px thumbnail is not made yet is decoded
 * from its original file at the tile size.
 */
public final class ThumbnailCache implements AutoCloseable {
  /** Requests waiting beyond this are dropped, oldest first. */
  static final int MAX_WAITING = 256;

  private final Function<String, Path> thumbnail;
  private final Function<String, Path> original;
  private final double size;
  private final int capacity;
  private final Executor fx;
  private final Map<String, Image> images;
  /** Hashes queued or being decoded, with whoever else asked for them meanwhile. */
  private final Map<String, List<Runnable>> waiting = new HashMap<>();
  /** Images that could not be decoded: not tried again until {@link #clear()}. */
  private final Set<String> failed =
      java.util.Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > 10_000;
        }
      });
  private final BlockingDeque<Request> queue = new LinkedBlockingDeque<>();
  private final Thread[] workers;
  private volatile boolean closed;

  private record Request(String hash, Runnable onReady) {}

  /**
   * @param thumbnail where the thumbnail of a hash is (may not exist yet)
   * @param original the image file of a hash (the fallback)
   * @param size the tile's size: images are decoded to fit it
   */
  public ThumbnailCache(
      Function<String, Path> thumbnail, Function<String, Path> original, double size, int capacity, int threads,
      Executor fx) {
    this.thumbnail = thumbnail;
    this.original = original;
    this.size = size;
    this.capacity = capacity;
    this.fx = fx;
    this.images =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > ThumbnailCache.this.capacity;
          }
        };
    workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Thread(this::work, "loupe-thumbs-" + i);
      workers[i].setDaemon(true);
      workers[i].start();
    }
  }

  /**
   * The grid's cache for {@code workspace}: images at the stored thumbnails' size (the largest tile
   * the size slider makes shows them unscaled), 600 kept, two decoding threads.
   */
  public static ThumbnailCache forWorkspace(dev.loupe.core.workspace.Workspace workspace, Executor fx) {
    return new ThumbnailCache(workspace.thumbnails()::path, workspace.content()::path,
        dev.loupe.core.workspace.ThumbnailService.SIZE, 600, 2, fx);
  }

  /** The decoded image of {@code hash}, or null. */
  public synchronized Image cached(String hash) {
    return images.get(hash);
  }

  /**
   * Decodes {@code hash} in the background; {@code onReady} runs on the FX thread when it is cached
   * (also when the hash was already asked for by someone else).
   */
  public void request(String hash, Runnable onReady) {
    synchronized (this) {
      if (closed || images.containsKey(hash) || failed.contains(hash)) {
        return;
      }
      List<Runnable> others = waiting.get(hash);
      if (others != null) {
        others.add(onReady);
        return;
      }
      waiting.put(hash, new ArrayList<>());
    }
    queue.addLast(new Request(hash, onReady));
    while (queue.size() > MAX_WAITING) {
      Request dropped = queue.pollFirst();
      if (dropped != null) {
        synchronized (this) {
          waiting.remove(dropped.hash());
        }
      }
    }
  }

  /** Forgets decoded images and failures, so thumbnails made since are read. */
  public synchronized void clear() {
    images.clear();
    failed.clear();
  }

  public synchronized int cachedCount() {
    return images.size();
  }

  private void work() {
    while (!closed) {
      Request r;
      try {
        r = queue.takeLast();
      } catch (InterruptedException e) {
        return;
      }
      Image image = decode(r.hash());
      List<Runnable> others;
      synchronized (this) {
        others = waiting.remove(r.hash());
        if (image != null) {
          images.put(r.hash(), image);
        } else {
          failed.add(r.hash());
        }
      }
      if (image != null) {
        fx.execute(r.onReady());
        if (others != null) {
          others.forEach(fx::execute);
        }
      }
    }
  }

  private Image decode(String hash) {
    Path thumb = thumbnail.apply(hash);
    Path file = Files.isRegularFile(thumb) ? thumb : original.apply(hash);
    try (InputStream in = Files.newInputStream(file)) {
      Image image = new Image(in, size, size, true, true);
      return image.isError() ? null : image;
    } catch (IOException | RuntimeException e) {
      return null; // the tile keeps its placeholder
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : workers) {
      t.interrupt();
    }
  }
}
