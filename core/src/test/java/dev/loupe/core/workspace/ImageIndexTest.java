package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Split;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index's answers against a brute-force filter and sort over a plain list of rows, through
 * appends, label changes, split moves and removals, with name segments of 128 rows so that a search
 * spans many segments and appends land inside a segment.
 */
class ImageIndexTest {
  private static final int SEGMENT_ROWS = 128;
  private static final String[] STEMS = {"img_", "IMG_", "cat", "Dog_", "ab12", "ÄPFEL_", "new\nline", "İz_", ""};
  private static final String[] SUFFIXES = {".jpg", ".PNG", "", "_ab12.jpeg"};
  private static final String[] NEEDLES = {
    "img_1", "_1", "G_", "cat", "CAT", "äpfel", "w l", "w\nl", "ab12", "AB12", "0000", ".png", "i̇z", "1.j", "z"
  };

  /** One image as the test remembers it. */
  private static final class Model {
    final long seq;
    final long head;
    final String name;
    final int width;
    final int height;
    final long size;
    Split split;
    int labels;
    boolean error;
    int[] classes;
    boolean dead;

    Model(long seq, long head, String name, int width, int height, long size, Split split, int labels,
        boolean error, int[] classes) {
      this.seq = seq;
      this.head = head;
      this.name = name;
      this.width = width;
      this.height = height;
      this.size = size;
      this.split = split;
      this.labels = labels;
      this.error = error;
      this.classes = classes;
    }

    ImageIndex.Row row() {
      return new ImageIndex.Row(seq, head, name, width, height, size, split, labels, error, classes);
    }
  }

  private final List<Model> model = new ArrayList<>();
  private long nextSeq = 1;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void everyFilterSortAndPageMatchesABruteForceAnswerThroughChanges(long seed) throws Exception {
    Random random = new Random(seed);
    ImageIndex index = new ImageIndex(SEGMENT_ROWS);
    ImageQuery last = ImageQuery.all();
    for (int round = 0; round < 12; round++) {
      List<ImageIndex.Row> batch = new ArrayList<>();
      int count = round == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(250);
      for (int i = 0; i < count; i++) {
        Model m = randomRow(random);
        model.add(m);
        batch.add(m.row());
      }
      index.append(batch);
      if (random.nextInt(3) == 0) {
        index.prepareOrders();
      }
      for (int step = 0; step < 40; step++) {
        change(index, random);
        // often the previous filters again, so cached matches must notice the change
        last = random.nextInt(3) == 0 ? withPage(last.withSort(randomSort(random)), random) : randomQuery(random);
        check(index, last);
        if (step % 8 == 0) {
          walk(index, last.withPage(0, 1 + random.nextInt(30)));
        }
      }
    }
    assertThat(model.size()).isGreaterThan(3 * 64 + 2 * SEGMENT_ROWS);

    // the saved file holds no bitsets: they are derived again when it is read
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    index.writeTo(new DataOutputStream(bytes));
    ImageIndex read =
        ImageIndex.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), bytes.size());
    for (int i = 0; i < 100; i++) {
      check(read, randomQuery(random));
    }
  }

  @Test
  void aRecentSearchFindsTheImagesAppendedAfterIt() {
    ImageIndex index = new ImageIndex(SEGMENT_ROWS);
    List<ImageIndex.Row> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(new ImageIndex.Row(i + 1, i, "img_" + i + ".jpg", 10, 10, 10, Split.TRAIN, 0, false, new int[0]));
    }
    index.append(rows);
    ImageQuery cat = ImageQuery.all().withSearch("Cat");
    ImageQuery img7 = ImageQuery.all().withSearch("img_7");
    assertThat(index.query(cat, 0, 0).total()).isZero();
    assertThat(index.query(img7, 0, 0).total()).isEqualTo(11); // img_7, img_70..img_79
    assertThat(index.query(cat.withSort(ImageSort.NAME_ASC), 0, 0).total()).isZero();

    index.append(List.of(new ImageIndex.Row(301, 300, "black CAT img_7.png", 10, 10, 10, Split.VAL, 0, false,
        new int[0])));

    ImageIndex.Result cats = index.query(cat.withSort(ImageSort.NAME_ASC), 0, 0);
    assertThat(cats.total()).isEqualTo(1);
    assertThat(cats.seqs()).containsExactly(301);
    ImageIndex.Result sevens = index.query(img7.withSort(ImageSort.NEWEST), 0, 0);
    assertThat(sevens.total()).isEqualTo(12);
    assertThat(sevens.seqs()[0]).isEqualTo(301);
  }

  @Test
  void aNameSegmentMustHoldWholeWordsOfRows() {
    assertThatThrownBy(() -> new ImageIndex(100))
        .hasMessageContaining("multiple of 64");
  }

  private Model randomRow(Random random) {
    String name =
        STEMS[random.nextInt(STEMS.length)] + random.nextInt(400) + SUFFIXES[random.nextInt(SUFFIXES.length)];
    int labels = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5);
    return new Model(nextSeq++, random.nextLong(), name, 1 + random.nextInt(30), 1 + random.nextInt(30),
        random.nextInt(50), Split.values()[random.nextInt(3)], labels, random.nextInt(6) == 0,
        randomClasses(random, labels));
  }

  private static int[] randomClasses(Random random, int labels) {
    TreeSet<Integer> ids = new TreeSet<>();
    for (int i = 0; i < labels; i++) {
      ids.add(random.nextInt(6));
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Changes a random row the way the stores do: labels, split or removal. */
  private void change(ImageIndex index, Random random) {
    Model m = model.get(random.nextInt(model.size()));
    switch (random.nextInt(4)) {
      case 0 -> {
        m.labels = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(5);
        m.classes = randomClasses(random, m.labels);
        m.error = random.nextInt(6) == 0;
        index.updateLabels(m.seq, m.labels, m.classes, m.error);
      }
      case 1 -> {
        m.split = Split.values()[random.nextInt(3)];
        index.setSplit(m.seq, m.split);
      }
      case 2 -> {
        if (random.nextInt(4) == 0) {
          m.dead = true;
          index.remove(m.seq);
        }
      }
      default -> {
        // no change: the next query may be answered from the cached matches
      }
    }
  }

  private ImageQuery randomQuery(Random random) {
    ImageQuery q = ImageQuery.all().withSort(randomSort(random));
    if (random.nextInt(3) == 0) {
      q = q.withSplit(Split.values()[random.nextInt(3)]);
    }
    if (random.nextInt(3) == 0) {
      q = q.withHasLabel(random.nextBoolean());
    }
    if (random.nextInt(3) == 0) {
      q = q.withHasError(random.nextBoolean());
    }
    if (random.nextInt(3) == 0) {
      Set<Integer> ids = new TreeSet<>();
      for (int i = random.nextInt(3); i >= 0; i--) {
        ids.add(random.nextInt(7));
      }
      q = q.withClassIds(ids);
    }
    if (random.nextInt(2) == 0) {
      q = q.withSearch(randomNeedle(random));
    }
    return withPage(q, random);
  }

  private String randomNeedle(Random random) {
    if (random.nextInt(3) == 0) { // the start of a row's hash: 4 to 16 hex digits
      String hex = String.format("%016x", model.get(random.nextInt(model.size())).head);
      return hex.substring(0, 4 + random.nextInt(13));
    }
    if (random.nextInt(3) == 0) { // a piece of a row's name
      String name = model.get(random.nextInt(model.size())).name;
      int from = random.nextInt(name.length() + 1);
      String piece = name.substring(from, Math.min(name.length(), from + 1 + random.nextInt(5)));
      return random.nextBoolean() ? piece.toUpperCase(Locale.ROOT) : piece;
    }
    return NEEDLES[random.nextInt(NEEDLES.length)];
  }

  private static ImageSort randomSort(Random random) {
    return ImageSort.values()[random.nextInt(ImageSort.values().length)];
  }

  private ImageQuery withPage(ImageQuery q, Random random) {
    int offset = random.nextInt(3) == 0 ? 0 : random.nextInt(model.size() + 10);
    return q.withPage(offset, 1 + random.nextInt(60));
  }

  /** The page and total of {@code q} against the brute-force answer. */
  private void check(ImageIndex index, ImageQuery q) {
    List<Long> expected = expected(q);
    long[] head = hashPrefix(q.search());
    ImageIndex.Result result = index.query(q, head[0], head[1]);
    assertThat(result.total()).as("total of %s", q).isEqualTo(expected.size());
    int from = Math.min(q.offset(), expected.size());
    List<Long> page = expected.subList(from, Math.min(expected.size(), from + q.limit()));
    assertThat(result.seqs()).as("page of %s", q).containsExactly(page.stream().mapToLong(Long::longValue).toArray());
    assertThat(result.nextCursor() != null).as("more after %s", q).isEqualTo(from + q.limit() < expected.size());
  }

  /** Every page of {@code q} by cursor, against the brute-force answer. */
  private void walk(ImageIndex index, ImageQuery q) {
    long[] head = hashPrefix(q.search());
    List<Long> walked = new ArrayList<>();
    ImageIndex.Result page = index.query(q, head[0], head[1]);
    Arrays.stream(page.seqs()).forEach(walked::add);
    while (page.nextCursor() != null) {
      page = index.query(q.withCursor(page.nextCursor()), head[0], head[1]);
      Arrays.stream(page.seqs()).forEach(walked::add);
    }
    assertThat(walked).as("cursor walk of %s", q).containsExactlyElementsOf(expected(q));
  }

  private List<Long> expected(ImageQuery q) {
    long[] head = hashPrefix(q.search());
    Comparator<Model> order = Comparator.comparing(m -> 0);
    order =
        switch (q.sort().key()) {
          case SEQ -> order;
          case NAME -> Comparator.comparing(m -> m.name);
          case WIDTH -> Comparator.comparingInt(m -> m.width);
          case HEIGHT -> Comparator.comparingInt(m -> m.height);
          case SIZE -> Comparator.comparingLong(m -> m.size);
          case LABELS -> Comparator.comparingInt(m -> m.labels);
        };
    order = order.thenComparingLong(m -> m.seq);
    return model.stream()
        .filter(m -> !m.dead)
        .filter(m -> q.split() == null || m.split == q.split())
        .filter(m -> q.hasLabel() == null || (m.labels > 0) == q.hasLabel())
        .filter(m -> q.hasError() == null || m.error == q.hasError())
        .filter(m -> q.classIds() == null || IntStream.of(m.classes).anyMatch(q.classIds()::contains))
        .filter(m -> q.search() == null || nameHolds(m.name, q.search())
            || (head[1] != 0 && (m.head & head[1]) == head[0]))
        .sorted(q.sort().descending() ? order.reversed() : order)
        .map(m -> m.seq)
        .toList();
  }

  private static boolean nameHolds(String name, String search) {
    return name.toLowerCase(Locale.ROOT).replace('\n', ' ').contains(search.toLowerCase(Locale.ROOT));
  }

  /** The hash-prefix value and mask the image store passes for a search (both 0 when it is no hex). */
  private static long[] hashPrefix(String search) {
    if (search == null || search.length() < 4 || !search.matches("[0-9a-fA-F]+")) {
      return new long[] {0, 0};
    }
    String prefix = search.length() > 16 ? search.substring(0, 16) : search;
    int bits = prefix.length() * 4;
    long mask = bits == 64 ? -1L : ((1L << bits) - 1) << (64 - bits);
    return new long[] {Long.parseUnsignedLong(prefix, 16) << (64 - bits), mask};
  }
}
