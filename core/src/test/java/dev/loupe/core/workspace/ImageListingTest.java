package dev.loupe.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageListingTest {
  private static final int N = 600;
  @TempDir Path tmp;
  private Workspace ws;
  /** What was inserted, in insertion order, with the labels' classes. */
  private final List<ImageRecord> inserted = new ArrayList<>();
  private final List<Set<Integer>> classes = new ArrayList<>();

  @BeforeEach
  void fill() {
    ws = Workspace.open(tmp.resolve("ws"));
    ws.datasets().create(NewDataset.of("many", Task.DETECT, List.of("a", "b", "c", "d")));
    Random random = new Random(7);
    List<NewImage> images = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String hash = ContentStore.sha256(("img" + i).getBytes(StandardCharsets.UTF_8));
      List<Label> labels = new ArrayList<>();
      int n = random.nextInt(4);
      for (int j = 0; j < n; j++) {
        labels.add(new BoxLabel(random.nextInt(4), 0.5, 0.5, 0.1, 0.1));
      }
      String name = "f" + random.nextInt(200) + (i % 3 == 0 ? "_Cat" : "_dog") + ".jpg";
      Split split = Split.values()[random.nextInt(3)];
      String error = random.nextInt(10) == 0 ? "broken" : null;
      images.add(new NewImage(hash, name, 10 + random.nextInt(50), 10 + random.nextInt(50),
          1000 + random.nextInt(100), split, labels, error, null, null));
    }
    // two batches, so the index grows by appends
    ws.images().add("many", images.subList(0, N / 2));
    ws.images().add("many", images.subList(N / 2, N));
    for (NewImage img : images) {
      inserted.add(ws.images().require("many", img.hash()));
      classes.add(img.labels().stream().map(Label::classId).collect(java.util.stream.Collectors.toSet()));
    }
  }

  @AfterEach
  void close() {
    ws.close();
  }

  @ParameterizedTest
  @EnumSource(ImageSort.class)
  void everySortMatchesAReferenceSortAndCursorPagesVisitEachImageOnce(ImageSort sort) {
    List<String> expected = inserted.stream().sorted(reference(sort)).map(ImageRecord::hash).toList();

    ImagePage first = ws.images().list("many", ImageQuery.all().withSort(sort).withPage(0, 50));
    assertThat(first.total()).isEqualTo(N);
    List<String> walked = new ArrayList<>(first.images().stream().map(ImageRecord::hash).toList());
    String cursor = first.nextCursor();
    while (cursor != null) {
      ImagePage page = ws.images().list("many", ImageQuery.all().withSort(sort).withPage(0, 50).withCursor(cursor));
      page.images().forEach(r -> walked.add(r.hash()));
      cursor = page.nextCursor();
    }
    assertThat(walked).containsExactlyElementsOf(expected);

    ImagePage deep = ws.images().list("many", ImageQuery.all().withSort(sort).withPage(537, 10));
    assertThat(deep.images()).extracting(ImageRecord::hash).containsExactlyElementsOf(expected.subList(537, 547));
  }

  @Test
  void filtersCombineAndTotalsCountEveryMatch() {
    Predicate<Integer> match =
        i -> inserted.get(i).split() == Split.VAL
            && inserted.get(i).labelCount() > 0
            && !inserted.get(i).hasError()
            && (classes.get(i).contains(1) || classes.get(i).contains(3));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      if (match.test(i)) {
        expected.add(inserted.get(i).hash());
      }
    }
    ImageQuery q =
        ImageQuery.all().withSort(ImageSort.OLDEST).withSplit(Split.VAL).withHasLabel(true).withHasError(false)
            .withClassIds(Set.of(1, 3)).withPage(0, 5000);
    ImagePage page = ws.images().list("many", q);
    assertThat(page.total()).isEqualTo(expected.size());
    assertThat(page.images()).extracting(ImageRecord::hash).containsExactlyElementsOf(expected);
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void searchFindsFileNamesIgnoringCaseAndHashPrefixes() {
    long cats = inserted.stream().filter(r -> r.filename().contains("_Cat")).count();
    assertThat(ws.images().list("many", ImageQuery.all().withSearch("_cAT")).total()).isEqualTo(cats);
    ImageRecord target = inserted.get(123);
    ImagePage byHash = ws.images().list("many", ImageQuery.all().withSearch(target.hash().substring(0, 12)));
    assertThat(byHash.images()).extracting(ImageRecord::hash).contains(target.hash());
  }

  @Test
  void aRepeatedSearchFindsAnImageAddedSinceTheLastTime() {
    ImageQuery cats = ImageQuery.all().withSearch("_cat").withSort(ImageSort.NAME_ASC);
    long before = ws.images().list("many", cats).total();
    ws.images().list("many", ImageQuery.all().withSearch("_dog")); // another search in between
    String hash = ContentStore.sha256("one more".getBytes(StandardCharsets.UTF_8));
    ws.images().add("many", List.of(new NewImage(hash, "a0_CAT.png", 20, 20, 1000, Split.TRAIN, List.of(), null,
        null, null)));

    ImagePage after = ws.images().list("many", cats);
    assertThat(after.total()).isEqualTo(before + 1);
    assertThat(after.images().get(0).hash()).isEqualTo(hash); // "a0_CAT.png" sorts before every "f..." name
  }

  @Test
  void writesKeepTheIndexInStep() {
    ImageRecord r = inserted.get(10);
    ws.images().moveToSplit("many", List.of(r.hash()), Split.TEST);
    ws.labels().put("many", r.hash(), List.of(new BoxLabel(2, 0.5, 0.5, 0.2, 0.2)));
    ws.images().delete("many", List.of(inserted.get(11).hash()));

    ImagePage test = ws.images().list("many", ImageQuery.all().withSplit(Split.TEST).withClassIds(Set.of(2)).withPage(0, 5000));
    assertThat(test.images()).extracting(ImageRecord::hash).contains(r.hash());
    assertThat(ws.images().list("many", ImageQuery.all()).total()).isEqualTo(N - 1);
    assertThat(ws.images().find("many", inserted.get(11).hash())).isEmpty();
    assertThat(ws.images().tombstones("many", 0)).containsExactly(inserted.get(11).hash());
    ImageRecord updated = ws.images().require("many", r.hash());
    assertThat(updated.revision()).isGreaterThan(r.revision());
    assertThat(updated.labelCount()).isEqualTo(1);
  }

  @Test
  void aReopenedWorkspaceAnswersFromTheSavedIndexAndIgnoresAStaleOrDamagedOne() throws Exception {
    ImageQuery q = ImageQuery.all().withSort(ImageSort.NAME_DESC).withHasError(false).withPage(100, 40);
    List<String> before = ws.images().list("many", q).images().stream().map(ImageRecord::hash).toList();
    String id = ws.datasets().require("many").id();
    ws.close();
    Path file = ImageIndexFile.path(tmp.resolve("ws"), id);
    assertThat(file).exists();

    ws = Workspace.open(tmp.resolve("ws"));
    assertThat(ws.images().list("many", q).images()).extracting(ImageRecord::hash).containsExactlyElementsOf(before);
    // a change after the file was saved: the next open must not trust the file
    ws.images().delete("many", List.of(before.get(0)));
    byte[] stale = java.nio.file.Files.readAllBytes(file);
    ws.close();
    java.nio.file.Files.write(file, stale);
    ws = Workspace.open(tmp.resolve("ws"));
    assertThat(ws.images().list("many", q).images()).extracting(ImageRecord::hash)
        .containsExactlyElementsOf(concat(before.subList(1, 40), ws, q));
    ws.close();
    java.nio.file.Files.write(file, new byte[] {1, 2, 3});
    ws = Workspace.open(tmp.resolve("ws"));
    assertThat(ws.images().list("many", ImageQuery.all()).total()).isEqualTo(N - 1);
  }

  private static List<String> concat(List<String> head, Workspace ws, ImageQuery q) {
    List<String> all = new ArrayList<>(head);
    all.add(ws.images().list("many", q).images().get(39).hash());
    return all;
  }

  @Test
  void badQueriesAreRefusedWithClearMessages() {
    assertThatThrownBy(() -> ImageQuery.all().withPage(0, 5001)).hasMessageContaining("limit must be 1..5000");
    assertThatThrownBy(() -> ImageSort.parse("sideways")).hasMessageContaining("valid: newest");
    assertThatThrownBy(() -> ws.images().list("many", ImageQuery.all().withCursor("garbage!")))
        .hasMessageContaining("invalid cursor");
    assertThatThrownBy(() -> ws.images().list("nope", ImageQuery.all())).isInstanceOf(NotFoundException.class);
  }

  private static Comparator<ImageRecord> reference(ImageSort sort) {
    Comparator<ImageRecord> key =
        switch (sort.key()) {
          case SEQ -> (a, b) -> 0;
          case NAME -> Comparator.comparing(ImageRecord::filename);
          case WIDTH -> Comparator.comparingInt(ImageRecord::width);
          case HEIGHT -> Comparator.comparingInt(ImageRecord::height);
          case SIZE -> Comparator.comparingLong(ImageRecord::size);
          case LABELS -> Comparator.comparingInt(ImageRecord::labelCount);
        };
    Comparator<ImageRecord> byInsertion = Comparator.comparing(ImageRecord::createdAt).thenComparing(ImageRecord::revision);
    Comparator<ImageRecord> c = key.thenComparing(byInsertion);
    return sort.descending() ? c.reversed() : c;
  }
}
