package dev.loupe.app.gui.grid;

import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.workspace.ImagePage;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The images of one query, fetched a page at a time when an index of that page is first asked for,
 * keeping the most recently used pages. A 1,000,000-image dataset costs only the pages on screen.
 * Pages are fetched on {@code background} and stored on {@code fx}; all other methods run on the FX
 * thread. Until its own page arrives, an index shows what the {@code previous} pages held (no flicker
 * after a move or a delete).
 */
public final class ImagePages {
  public static final int PAGE_SIZE = 200;

  /** Fetches {@code limit} images from {@code offset} of the query (with the total that match). */
  @FunctionalInterface
  public interface Source {
    ImagePage fetch(int offset, int limit);
  }

  /** What a listener hears: a page arrived, or fetching failed. */
  public interface Listener {
    void pageLoaded(int page);

    void failed(RuntimeException error);
  }

  private final Source source;
  private final Executor background;
  private final Executor fx;
  private final int maxPages;
  private final Listener listener;
  private final Map<Integer, List<ImageRecord>> pages;
  private final Set<Integer> inFlight = new HashSet<>();
  private ImagePages previous;
  private long total = -1;
  private long fetchedRecords;
  private int fetches;
  private boolean closed;

  public ImagePages(Source source, Executor background, Executor fx, int maxPages, Listener listener) {
    this.source = source;
    this.background = background;
    this.fx = fx;
    this.maxPages = maxPages;
    this.listener = listener;
    this.pages =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, List<ImageRecord>> eldest) {
            return size() > ImagePages.this.maxPages;
          }
        };
  }

  /** Shows {@code old}'s cached records until this query's own pages arrive. */
  public ImagePages showingMeanwhile(ImagePages old) {
    this.previous = old;
    if (old != null) {
      old.previous = null;
      this.total = old.total;
    }
    return this;
  }

  /** How many images match; -1 until the first page arrived. */
  public long total() {
    return total;
  }

  /** The record at {@code index}, or null while its page is being fetched (the fetch starts now). */
  public ImageRecord get(int index) {
    ImageRecord r = cached(index);
    if (r != null) {
      return r;
    }
    request(index / PAGE_SIZE);
    r = cached(index);
    return r != null || previous == null ? r : previous.cached(index);
  }

  /** The record at {@code index} if its page is in memory; never fetches. */
  public ImageRecord cached(int index) {
    List<ImageRecord> page = pages.get(index / PAGE_SIZE);
    int at = index % PAGE_SIZE;
    return page != null && at < page.size() ? page.get(at) : null;
  }

  /** Starts fetching a page unless it is here or on its way. */
  public void request(int page) {
    if (closed || page < 0 || pages.containsKey(page) || !inFlight.add(page)) {
      return;
    }
    if (total >= 0 && (long) page * PAGE_SIZE >= total && page > 0) {
      inFlight.remove(page);
      return;
    }
    background.execute(
        () -> {
          try {
            ImagePage result = source.fetch(page * PAGE_SIZE, PAGE_SIZE);
            fx.execute(() -> arrived(page, result));
          } catch (RuntimeException e) {
            fx.execute(
                () -> {
                  inFlight.remove(page);
                  if (!closed) {
                    listener.failed(e);
                  }
                });
          }
        });
  }

  private void arrived(int page, ImagePage result) {
    inFlight.remove(page);
    if (closed) {
      return;
    }
    pages.put(page, List.copyOf(result.images()));
    total = result.total();
    fetchedRecords += result.images().size();
    fetches++;
    listener.pageLoaded(page);
  }

  /** Records fetched so far (a page fetched twice counts twice). */
  public long fetchedRecords() {
    return fetchedRecords;
  }

  public int fetches() {
    return fetches;
  }

  public int pagesInMemory() {
    return pages.size();
  }

  /** Ignores pages still on their way (the query changed). */
  public void close() {
    closed = true;
  }
}
