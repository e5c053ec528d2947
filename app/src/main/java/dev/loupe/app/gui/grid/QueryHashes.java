package dev.loupe.app.gui.grid;

import dev.loupe.core.domain.ImageRecord;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The image hashes of a query, in its order, as a read-only list that fetches a page when an index of
 * it is first read and keeps a few pages: the labeling area steps through a million images without
 * holding them. A snapshot of the query when it was made; the size does not change.
 */
public final class QueryHashes extends AbstractList<String> implements RandomAccess {
  private static final int PAGE = 500;
  private static final int KEEP_PAGES = 8;

  private final ImagePages.Source source;
  private final int size;
  private final Map<Integer, List<ImageRecord>> pages =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<ImageRecord>> eldest) {
          return size() > KEEP_PAGES;
        }
      };

  public QueryHashes(ImagePages.Source source, int size) {
    this.source = source;
    this.size = size;
  }

  @Override
  public synchronized String get(int index) {
    return record(index).hash();
  }

  /** The whole record at {@code index} (file name, size, split, label count). */
  public synchronized ImageRecord record(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
    List<ImageRecord> page = pages.computeIfAbsent(index / PAGE, p -> source.fetch(p * PAGE, PAGE).images());
    if (index % PAGE >= page.size()) {
      throw new IndexOutOfBoundsException("image " + index + " is gone (the dataset changed)");
    }
    return page.get(index % PAGE);
  }

  @Override
  public int size() {
    return size;
  }
}
