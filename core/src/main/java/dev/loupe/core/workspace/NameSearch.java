package dev.loupe.core.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The file-name search of an {@link ImageIndex}: which rows' names hold a text, ignoring case.
 *
 * <p>The lower-cased names are kept in segments of a fixed number of rows, each one string with a
 * newline after every name plus where each row's name starts in it. A search is a run of
 * {@code indexOf} over each segment (vectorized by the JVM, several times faster than testing names
 * one by one), with the segments scanned in parallel. A segment holds a multiple of 64 rows, so two
 * segments never write the same word of the result. The needle holds no newline (a name's newline
 * is kept as a space), so a match never spans two names.
 *
 * <p>Appending rows drops only the segments from the one the new rows start in; they are rebuilt by
 * the next search or {@link #build}. The matches of the last few searches are kept until rows are
 * appended (names never change otherwise), so switching sorts or going back to an earlier search does
 * not scan again. Not thread-safe: the index calls it under its write lock.
 */
final class NameSearch {
  /** Rows per segment when opening datasets: about 1 MB of names each. */
  static final int SEGMENT_ROWS = 65_536;
  /** How many searches' matches are kept (125 KB each per million rows). */
  static final int RECENT_SEARCHES = 8;

  private record Segment(String names, int[] starts) {}

  private final int segmentRows;
  /** Segments 0..size()-1 are up to date; the rest are rebuilt on demand. */
  private final List<Segment> segments = new ArrayList<>();
  private final Map<String, long[]> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
          return size() > RECENT_SEARCHES;
        }
      };

  NameSearch(int segmentRows) {
    if (segmentRows <= 0 || segmentRows % 64 != 0) {
      throw new IllegalArgumentException("segment rows must be a positive multiple of 64, got " + segmentRows);
    }
    this.segmentRows = segmentRows;
  }

  /** Rows from {@code firstRow} on were appended: forgets what they make stale. */
  void appended(int firstRow) {
    int keep = firstRow / segmentRows;
    while (segments.size() > keep) {
      segments.remove(segments.size() - 1);
    }
    recent.clear();
  }

  /** Builds the missing segments of the first {@code rows} names, in parallel. */
  void build(String[] names, int rows) {
    int first = segments.size();
    int count = (rows + segmentRows - 1) / segmentRows;
    if (first >= count) {
      return;
    }
    Segment[] built = new Segment[count - first];
    IntStream.range(first, count).parallel().forEach(s -> built[s - first] = segment(names, rows, s));
    segments.addAll(List.of(built));
  }

  /**
   * The rows among the first {@code rows} whose name holds {@code search}, ignoring case, one bit
   * each. The returned bits are shared with later calls: callers must not change them.
   */
  long[] matches(String search, String[] names, int rows) {
    String needle = search.toLowerCase(Locale.ROOT);
    long[] cached = recent.get(needle);
    if (cached != null) {
      return cached;
    }
    long[] bits = new long[(rows + 63) >>> 6];
    if (needle.indexOf('\n') < 0) {
      build(names, rows);
      IntStream.range(0, segments.size()).parallel().forEach(s -> scan(s, needle, bits));
    }
    recent.put(needle, bits);
    return bits;
  }

  private Segment segment(String[] names, int rows, int s) {
    int from = s * segmentRows;
    int to = Math.min(rows, from + segmentRows);
    StringBuilder sb = new StringBuilder((to - from) * 16);
    int[] starts = new int[to - from];
    for (int r = from; r < to; r++) {
      starts[r - from] = sb.length();
      sb.append(names[r].toLowerCase(Locale.ROOT).replace('\n', ' ')).append('\n');
    }
    return new Segment(sb.toString(), starts);
  }

  /** Sets the bits of segment {@code s}'s rows whose name holds {@code needle}. */
  private void scan(int s, String needle, long[] bits) {
    Segment segment = segments.get(s);
    String text = segment.names();
    int[] starts = segment.starts();
    int base = s * segmentRows;
    int i = 0;
    for (int at = text.indexOf(needle); at >= 0; ) {
      while (i + 1 < starts.length && starts[i + 1] <= at) {
        i++;
      }
      int row = base + i;
      bits[row >>> 6] |= 1L << row;
      int next = i + 1 < starts.length ? starts[i + 1] : text.length();
      at = text.indexOf(needle, Math.max(at + 1, next));
    }
  }
}
