package dev.loupe.core.workspace;

import dev.loupe.core.domain.Split;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The sortable and filterable columns of one dataset's images, held in memory as primitive arrays,
 * with one ascending order per sort key. Any sort, filter, offset or cursor is answered by walking
 * an order, so a page costs the same at depth 0 and 900,000 (H2's OFFSET walks the skipped rows, and
 * a filter on one index with a sort on another scans: see ADR 0003).
 *
 * <p>Every filter is a bitset over the rows, one bit per row in words of 64: dead rows, each split,
 * labelled rows, rows with an error and rows holding a class are kept in step with every change, and
 * a name search's matches come from {@link NameSearch}. A filter's matches are those sets combined a
 * word (64 rows) at a time, then tested bit by bit along the order. When few rows match, they are
 * sorted by themselves instead of walking the whole order.
 *
 * <p>Rows are appended in insertion (seq) order, so the row number itself breaks ties and binary
 * search over {@code seq} finds a row. Deleted rows stay, marked dead, until the index is next loaded.
 */
final class ImageIndex {
  /** One row's indexed values. */
  record Row(
      long seq,
      long hashHead,
      String filename,
      int width,
      int height,
      long size,
      Split split,
      int labelCount,
      boolean hasError,
      int[] classIds) {}

  /** The seqs of one page, in order, and what the page needs to say about the rest. */
  record Result(long[] seqs, long total, String nextCursor) {}

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private int rows;
  private int live;
  private long[] seq = new long[0];
  private long[] hashHead = new long[0];
  private String[] name = new String[0];
  private int[] width = new int[0];
  private int[] height = new int[0];
  private long[] size = new long[0];
  private byte[] split = new byte[0];
  private int[] labels = new int[0];
  private int[][] classes = new int[0][];
  /** Deleted rows, one bit each (like the other row sets, sized to the arrays' capacity). */
  private long[] deadBits = new long[0];
  /** Rows with an image or label error. */
  private long[] errorBits = new long[0];
  /** Rows with at least one label. */
  private long[] labeledBits = new long[0];
  /** The rows of each split, by ordinal. */
  private final long[][] splitBits = new long[Split.values().length][0];
  private final EnumMap<ImageSort.Key, int[]> orders = new EnumMap<>(ImageSort.Key.class);
  /** The lower-cased names in segments and the recent searches' matches. */
  private final NameSearch names;
  /** Rows holding a class, one bit each: made the first time a class is filtered on, then kept. */
  private final java.util.HashMap<Integer, long[]> classBits = new java.util.HashMap<>();
  /** Bumped by every change of a row, so cached filter results know when they are stale. */
  private long version;
  private String lastFilter;
  private long lastFilterVersion = -1;
  private long[] lastFilterMatches;
  private java.util.Set<String> lastFilterHashes;
  private long lastTotal;

  ImageIndex() {
    this(NameSearch.SEGMENT_ROWS);
  }

  /** An empty index whose name search holds {@code nameSegmentRows} rows per segment (a multiple of 64). */
  ImageIndex(int nameSegmentRows) {
    names = new NameSearch(nameSegmentRows);
  }

  int size() {
    lock.readLock().lock();
    try {
      return live;
    } finally {
      lock.readLock().unlock();
    }
  }

  void append(Iterable<Row> newRows) {
    lock.writeLock().lock();
    try {
      int first = rows;
      for (Row r : newRows) {
        if (rows == seq.length) {
          grow(Math.max(1024, rows * 2));
        }
        if (rows > 0 && r.seq() <= seq[rows - 1]) {
          throw new IllegalStateException("rows must be appended in seq order");
        }
        int i = rows++;
        seq[i] = r.seq();
        hashHead[i] = r.hashHead();
        name[i] = r.filename();
        width[i] = r.width();
        height[i] = r.height();
        size[i] = r.size();
        split[i] = (byte) r.split().ordinal();
        labels[i] = r.labelCount();
        classes[i] = r.classIds();
        setFlags(i, r.hasError());
        for (int id : r.classIds()) {
          long[] bits = classBits.get(id);
          if (bits != null) {
            bits[i >>> 6] |= 1L << i;
          }
        }
        live++;
      }
      orders.clear();
      version++;
      if (rows > first) {
        names.appended(first);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Updates what a change of labels changes. */
  void updateLabels(long seqValue, int labelCount, int[] classIds, boolean hasError) {
    lock.writeLock().lock();
    try {
      int i = row(seqValue);
      if (i >= 0) {
        if (labels[i] != labelCount) {
          orders.remove(ImageSort.Key.LABELS);
        }
        labels[i] = labelCount;
        set(labeledBits, i, labelCount > 0);
        set(errorBits, i, hasError);
        for (var e : classBits.entrySet()) {
          boolean has = Arrays.binarySearch(classIds, e.getKey()) >= 0;
          if (has) {
            e.getValue()[i >>> 6] |= 1L << i;
          } else {
            e.getValue()[i >>> 6] &= ~(1L << i);
          }
        }
        classes[i] = classIds;
        version++;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  void setSplit(long seqValue, Split newSplit) {
    lock.writeLock().lock();
    try {
      int i = row(seqValue);
      if (i >= 0) {
        set(splitBits[split[i]], i, false);
        split[i] = (byte) newSplit.ordinal();
        set(splitBits[split[i]], i, true);
        version++;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  void remove(long seqValue) {
    lock.writeLock().lock();
    try {
      int i = row(seqValue);
      if (i >= 0 && !bit(deadBits, i)) {
        set(deadBits, i, true);
        live--;
        version++;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Builds every order, the lower-cased names and the class bitsets now (opening a dataset), so that
   * no query pays for them later.
   */
  void prepareOrders() {
    lock.writeLock().lock();
    try {
      for (ImageSort.Key key : ImageSort.Key.values()) {
        order(key);
      }
      names.build(name, rows);
      java.util.BitSet ids = new java.util.BitSet();
      for (int r = 0; r < rows; r++) {
        for (int id : classes[r]) {
          ids.set(id);
        }
      }
      if (ids.cardinality() <= PREBUILT_CLASSES) {
        ids.stream().forEach(this::classBits);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Up to this many classes get their row bitsets when the dataset opens (125 KB each per million). */
  private static final int PREBUILT_CLASSES = 256;

  Result query(ImageQuery q, long hashHeadValue, long hashHeadMask) {
    lock.writeLock().lock();
    try {
      ImageSort.Key key = q.sort().key();
      long[] matches = matches(q, hashHeadValue, hashHeadMask);
      long total = matches == null ? live : lastTotal;
      // few matches: sorting them costs less than walking the whole order to find them
      int[] order = matches != null && total <= Math.max(SPARSE_ROWS, rows >>> 10)
          ? sorted(key, rowsOf(matches, (int) total))
          : order(key);
      boolean desc = q.sort().descending();
      int n = order.length;
      int start = 0;
      if (q.cursor() != null) {
        Cursor c = Cursor.decode(q.cursor(), key);
        start = desc ? n - lowerBound(order, key, c) : upperBound(order, key, c);
      }
      long[] page = new long[q.limit()];
      int found = 0;
      int skipped = 0;
      int lastRow = -1;
      boolean more = false;
      for (int p = start; p < n; p++) {
        int r = desc ? order[n - 1 - p] : order[p];
        if (matches != null ? !bit(matches, r) : bit(deadBits, r)) {
          continue;
        }
        if (skipped < q.offset()) {
          skipped++;
          continue;
        }
        if (found == page.length) {
          more = true;
          break;
        }
        page[found++] = seq[r];
        lastRow = r;
      }
      String next = more ? new Cursor(seq[lastRow], keyText(key, lastRow)).encode(key) : null;
      return new Result(Arrays.copyOf(page, found), total, next);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Up to this many matching rows (or a 1024th of the rows) are sorted instead of walking an order. */
  private static final int SPARSE_ROWS = 64;

  /**
   * The live rows that pass the query's filters (null when it has none), combined from the row sets
   * a word at a time and kept for the next pages of the same query until a row changes.
   */
  private long[] matches(ImageQuery q, long head, long mask) {
    if (q.split() == null && q.hasLabel() == null && q.hasError() == null && q.classIds() == null
        && q.search() == null && q.hashes() == null) {
      return null;
    }
    String key =
        q.split() + "|" + q.hasLabel() + "|" + q.hasError() + "|" + q.classIds() + "|" + q.search() + "|"
            + head + "|" + mask;
    // a hash set (up to every image) is compared by identity: the next pages pass the same set
    if (key.equals(lastFilter) && lastFilterVersion == version && q.hashes() == lastFilterHashes) {
      return lastFilterMatches;
    }
    long[] matches = new Filter(q, head, mask).matches();
    long total = 0;
    for (long word : matches) {
      total += Long.bitCount(word);
    }
    lastFilter = key;
    lastFilterHashes = q.hashes();
    lastFilterVersion = version;
    lastFilterMatches = matches;
    lastTotal = total;
    return matches;
  }

  /** The rows whose bits are set, ascending. */
  private static int[] rowsOf(long[] bits, int count) {
    int[] out = new int[count];
    int j = 0;
    for (int w = 0; w < bits.length; w++) {
      for (long word = bits[w]; word != 0; word &= word - 1) {
        out[j++] = (w << 6) | Long.numberOfTrailingZeros(word);
      }
    }
    return out;
  }

  /** Counts of live images per split (train, val, test) and of their labels. */
  long[] counts() {
    lock.readLock().lock();
    try {
      long[] out = new long[4];
      for (int r = 0; r < rows; r++) {
        if (!bit(deadBits, r)) {
          out[split[r]]++;
          out[3] += labels[r];
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Live images and their labels per split, by split ordinal: {@code [split][0]} images, {@code [split][1]} labels. */
  long[][] splitCounts() {
    lock.readLock().lock();
    try {
      long[][] out = new long[Split.values().length][2];
      for (int r = 0; r < rows; r++) {
        if (!bit(deadBits, r)) {
          out[split[r]][0]++;
          out[split[r]][1] += labels[r];
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The live rows' seqs in insertion order (for whole-dataset work such as split redistribution). */
  long[] liveSeqs() {
    lock.readLock().lock();
    try {
      long[] out = new long[live];
      int j = 0;
      for (int r = 0; r < rows; r++) {
        if (!bit(deadBits, r)) {
          out[j++] = seq[r];
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** A query's filters as row sets, combined a word (64 rows) at a time. */
  private final class Filter {
    private final long[] splitRows;
    private final int hasLabel;
    private final int hasError;
    private final long[][] classRows;
    private final long[] nameRows;
    private final long[] hashRows;
    private final long headValue;
    private final long headMask;

    Filter(ImageQuery q, long headValue, long headMask) {
      this.splitRows = q.split() == null ? null : splitBits[q.split().ordinal()];
      this.hasLabel = q.hasLabel() == null ? -1 : q.hasLabel() ? 1 : 0;
      this.hasError = q.hasError() == null ? -1 : q.hasError() ? 1 : 0;
      this.classRows =
          q.classIds() == null ? null : q.classIds().stream().map(ImageIndex.this::classBits).toArray(long[][]::new);
      this.nameRows = q.search() == null ? null : names.matches(q.search(), name, rows);
      this.hashRows = q.hashes() == null ? null : hashRows(q.hashes());
      this.headValue = headValue;
      this.headMask = headMask;
    }

    /** The live rows that pass, one bit each; no bit is set at or past {@code rows}. */
    long[] matches() {
      int words = (rows + 63) >>> 6;
      long[] out = new long[words];
      for (int w = 0; w < words; w++) {
        long m = ~deadBits[w];
        if (w == words - 1 && (rows & 63) != 0) {
          m &= (1L << rows) - 1; // the rows past the end
        }
        if (splitRows != null) {
          m &= splitRows[w];
        }
        if (hasLabel >= 0) {
          m &= hasLabel == 1 ? labeledBits[w] : ~labeledBits[w];
        }
        if (hasError >= 0) {
          m &= hasError == 1 ? errorBits[w] : ~errorBits[w];
        }
        if (hashRows != null) {
          m &= hashRows[w];
        }
        if (classRows != null) {
          long any = 0;
          for (long[] bits : classRows) {
            any |= bits[w];
          }
          m &= any;
        }
        if (nameRows != null && m != 0) {
          m = searched(w, m);
        }
        out[w] = m;
      }
      return out;
    }

    /**
     * The rows whose hash is one of {@code hashes}, found by the hash's first 64 bits (two images of a
     * dataset sharing them is as likely as a 64-bit hash collision).
     */
    private long[] hashRows(java.util.Set<String> hashes) {
      long[] heads = new long[hashes.size()];
      int n = 0;
      for (String h : hashes) {
        if (h.length() >= 16) {
          heads[n++] = ImageStore.hashHead(h);
        }
      }
      Arrays.sort(heads, 0, n);
      long[] out = new long[(rows + 63) >>> 6];
      for (int r = 0; r < rows; r++) {
        if (Arrays.binarySearch(heads, 0, n, hashHead[r]) >= 0) {
          out[r >>> 6] |= 1L << r;
        }
      }
      return out;
    }

    /** Of the candidate rows {@code m} in word {@code w}, those whose name or hash start matches. */
    private long searched(int w, long m) {
      long hit = m & nameRows[w];
      if (headMask != 0) {
        for (long rest = m & ~hit; rest != 0; rest &= rest - 1) {
          int r = (w << 6) | Long.numberOfTrailingZeros(rest);
          if ((hashHead[r] & headMask) == headValue) {
            hit |= 1L << r;
          }
        }
      }
      return hit;
    }
  }

  private static boolean bit(long[] bits, int r) {
    return (bits[r >>> 6] & (1L << r)) != 0;
  }

  private static void set(long[] bits, int r, boolean value) {
    if (value) {
      bits[r >>> 6] |= 1L << r;
    } else {
      bits[r >>> 6] &= ~(1L << r);
    }
  }

  /** Sets row {@code r}'s split, label and error bits from its columns (a new or loaded row). */
  private void setFlags(int r, boolean hasError) {
    set(splitBits[split[r]], r, true);
    set(labeledBits, r, labels[r] > 0);
    set(errorBits, r, hasError);
  }

  private int[] order(ImageSort.Key key) {
    int[] order = orders.get(key);
    if (order == null) {
      order = build(key);
      orders.put(key, order);
    }
    return order;
  }

  private int[] build(ImageSort.Key key) {
    int[] all = new int[rows];
    for (int r = 0; r < rows; r++) {
      all[r] = r;
    }
    return sorted(key, all);
  }

  /** {@code ascending} (rows in ascending order) sorted by {@code key}, ties by row. */
  private int[] sorted(ImageSort.Key key, int[] ascending) {
    if (key == ImageSort.Key.SEQ) {
      return ascending;
    }
    if (key == ImageSort.Key.NAME) {
      Integer[] boxed = Arrays.stream(ascending).boxed().toArray(Integer[]::new);
      Arrays.parallelSort(boxed, (a, b) -> compare(key, a, b));
      return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
    long[] packed = new long[ascending.length];
    for (int i = 0; i < ascending.length; i++) {
      packed[i] = (numericKey(key, ascending[i]) << 32) | ascending[i];
    }
    Arrays.parallelSort(packed);
    int[] order = new int[ascending.length];
    for (int i = 0; i < ascending.length; i++) {
      order[i] = (int) packed[i];
    }
    return order;
  }

  private long numericKey(ImageSort.Key key, int r) {
    return switch (key) {
      case WIDTH -> width[r];
      case HEIGHT -> height[r];
      case LABELS -> labels[r];
      case SIZE -> Math.min(size[r], Integer.MAX_VALUE);
      default -> r;
    };
  }

  private int compare(ImageSort.Key key, int a, int b) {
    if (key == ImageSort.Key.NAME) {
      int c = name[a].compareTo(name[b]);
      return c != 0 ? c : Long.compare(seq[a], seq[b]);
    }
    int c = Long.compare(numericKey(key, a), numericKey(key, b));
    return c != 0 ? c : Long.compare(seq[a], seq[b]);
  }

  private int compareToCursor(ImageSort.Key key, int r, Cursor cursor) {
    int c;
    if (key == ImageSort.Key.NAME) {
      c = name[r].compareTo(cursor.key());
    } else if (key == ImageSort.Key.SEQ) {
      c = 0;
    } else {
      c = Long.compare(numericKey(key, r), Long.parseLong(cursor.key()));
    }
    return c != 0 ? c : Long.compare(seq[r], cursor.seq());
  }

  /** First position whose row sorts after the cursor. */
  private int upperBound(int[] order, ImageSort.Key key, Cursor cursor) {
    int lo = 0;
    int hi = order.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareToCursor(key, order[mid], cursor) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** First position whose row sorts at or after the cursor. */
  private int lowerBound(int[] order, ImageSort.Key key, Cursor cursor) {
    int lo = 0;
    int hi = order.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compareToCursor(key, order[mid], cursor) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private String keyText(ImageSort.Key key, int r) {
    return key == ImageSort.Key.NAME ? name[r] : Long.toString(numericKey(key, r));
  }

  private int row(long seqValue) {
    int i = Arrays.binarySearch(seq, 0, rows, seqValue);
    return i >= 0 ? i : -1;
  }

  private void grow(int capacity) {
    seq = Arrays.copyOf(seq, capacity);
    hashHead = Arrays.copyOf(hashHead, capacity);
    name = Arrays.copyOf(name, capacity);
    width = Arrays.copyOf(width, capacity);
    height = Arrays.copyOf(height, capacity);
    size = Arrays.copyOf(size, capacity);
    split = Arrays.copyOf(split, capacity);
    labels = Arrays.copyOf(labels, capacity);
    classes = Arrays.copyOf(classes, capacity);
    int words = (capacity + 63) >>> 6;
    deadBits = Arrays.copyOf(deadBits, words);
    errorBits = Arrays.copyOf(errorBits, words);
    labeledBits = Arrays.copyOf(labeledBits, words);
    for (int s = 0; s < splitBits.length; s++) {
      splitBits[s] = Arrays.copyOf(splitBits[s], words);
    }
    classBits.replaceAll((id, bits) -> Arrays.copyOf(bits, words));
  }

  /** The rows holding {@code classId}, made on first use. */
  private long[] classBits(int classId) {
    return classBits.computeIfAbsent(
        classId,
        id -> {
          long[] bits = new long[(seq.length + 63) >>> 6];
          for (int r = 0; r < rows; r++) {
            if (Arrays.binarySearch(classes[r], id) >= 0) {
              bits[r >>> 6] |= 1L << r;
            }
          }
          return bits;
        });
  }

  /**
   * Writes the index with its orders, so that the next process opens the dataset without reading
   * every image row (see {@link ImageIndexFile}).
   */
  void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
    lock.writeLock().lock();
    try {
      prepareOrders();
      out.writeInt(rows);
      out.writeInt(live);
      for (int r = 0; r < rows; r++) {
        out.writeLong(seq[r]);
        out.writeLong(hashHead[r]);
        out.writeUTF(name[r]);
        out.writeInt(width[r]);
        out.writeInt(height[r]);
        out.writeLong(size[r]);
        out.writeByte(split[r]);
        out.writeInt(labels[r]);
        out.writeByte((bit(errorBits, r) ? 1 : 0) | (bit(deadBits, r) ? 2 : 0));
        out.writeShort(classes[r].length);
        for (int id : classes[r]) {
          out.writeInt(id);
        }
      }
      out.writeInt(orders.size());
      for (var e : orders.entrySet()) {
        out.writeByte(e.getKey().ordinal());
        for (int r : e.getValue()) {
          out.writeInt(r);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  static ImageIndex readFrom(java.io.DataInput in, long fileSize) throws java.io.IOException {
    ImageIndex index = new ImageIndex();
    int n = in.readInt();
    if (n < 0 || n > fileSize / 40) { // a row takes at least 40 bytes: a damaged count
      throw new java.io.IOException("damaged index file: " + n + " rows in " + fileSize + " bytes");
    }
    index.grow(Math.max(n, 16));
    index.rows = n;
    index.live = in.readInt();
    for (int r = 0; r < n; r++) {
      index.seq[r] = in.readLong();
      index.hashHead[r] = in.readLong();
      index.name[r] = in.readUTF();
      index.width[r] = in.readInt();
      index.height[r] = in.readInt();
      index.size[r] = in.readLong();
      index.split[r] = in.readByte();
      index.labels[r] = in.readInt();
      int flags = in.readByte();
      if (index.split[r] < 0 || index.split[r] >= index.splitBits.length) {
        throw new java.io.IOException("damaged index file: split " + index.split[r]);
      }
      index.setFlags(r, (flags & 1) != 0);
      set(index.deadBits, r, (flags & 2) != 0);
      int[] ids = new int[in.readShort()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = in.readInt();
      }
      index.classes[r] = ids.length == 0 ? LabelCodec.EMPTY : ids;
    }
    int orderCount = in.readInt();
    for (int k = 0; k < orderCount; k++) {
      ImageSort.Key key = ImageSort.Key.values()[in.readByte()];
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = in.readInt();
        if (order[i] < 0 || order[i] >= n) {
          throw new java.io.IOException("damaged index file: order points at row " + order[i]);
        }
      }
      index.orders.put(key, order);
    }
    return index;
  }

  /** Where a page ended: the last row's sort key and seq. */
  record Cursor(long seq, String key) {
    String encode(ImageSort.Key sortKey) {
      String text = sortKey.name() + "\n" + seq + "\n" + key;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String cursor, ImageSort.Key sortKey) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        String[] parts = text.split("\n", 3);
        if (parts.length != 3 || !parts[0].equals(sortKey.name())) {
          throw new IllegalArgumentException("the cursor belongs to another sort");
        }
        if (sortKey != ImageSort.Key.NAME) {
          Long.parseLong(parts[2]);
        }
        return new Cursor(Long.parseLong(parts[1]), parts[2]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid cursor: " + e.getMessage(), e);
      }
    }
  }
}
