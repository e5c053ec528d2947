package dev.loupe.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.inference.BgrImage;
import dev.loupe.core.inference.ImageDecoding;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DuplicateSetTest {
  private final DuplicateSet set = DuplicateSet.generate(12, 3);
  private final List<DuplicateSet.Item> items = set.items();

  @Test
  void everyGroupStartsWithItsOriginalAndHoldsAtMostOneCopyOfEachKind() {
    Map<Integer, List<DuplicateSet.Item>> groups = items.stream()
        .filter(i -> i.kind() != DuplicateSet.Kind.LOOKALIKE)
        .collect(Collectors.groupingBy(DuplicateSet.Item::group));

    assertThat(groups).hasSize(12);
    for (List<DuplicateSet.Item> g : groups.values()) {
      assertThat(g.get(0).kind()).isEqualTo(DuplicateSet.Kind.ORIGINAL);
      assertThat(g.stream().map(DuplicateSet.Item::kind).distinct().count()).isEqualTo(g.size());
    }
    assertThat(items.stream().map(i -> Arrays.hashCode(i.bytes())).collect(Collectors.toSet()))
        .as("no two images have the same bytes").hasSize(items.size());
  }

  @Test
  void truePairsAreThePairsOfEachGroupAndExactPairsShareTheirPixels() throws IOException {
    Set<Long> expected = new HashSet<>();
    Set<Long> expectedExact = new HashSet<>();
    ImageDecoding decoding = new ImageDecoding();
    for (int i = 0; i < items.size(); i++) {
      for (int j = i + 1; j < items.size(); j++) {
        if (items.get(i).group() == items.get(j).group()) {
          expected.add(PairScore.key(i, j));
          BgrImage a = decoding.decode(items.get(i).bytes(), items.get(i).filename());
          BgrImage b = decoding.decode(items.get(j).bytes(), items.get(j).filename());
          if (a.width() == b.width() && a.height() == b.height() && Arrays.equals(a.pixels(), b.pixels())) {
            expectedExact.add(PairScore.key(i, j));
          }
        }
      }
    }

    assertThat(set.duplicatePairs()).isEqualTo(expected);
    assertThat(set.exactPairs()).isEqualTo(expectedExact);
    assertThat(expectedExact).isNotEmpty();
  }

  @Test
  void aLookAlikeIsInAGroupOfItsOwnAndPairedOnlyWithItsOriginal() {
    Set<Long> lookalikes = set.lookalikePairs();

    assertThat(lookalikes).isNotEmpty().doesNotContainAnyElementsOf(set.duplicatePairs());
    for (long p : lookalikes) {
      DuplicateSet.Item original = items.get((int) (p >>> 32));
      DuplicateSet.Item lookalike = items.get((int) p);
      assertThat(original.kind()).isEqualTo(DuplicateSet.Kind.ORIGINAL);
      assertThat(lookalike.kind()).isEqualTo(DuplicateSet.Kind.LOOKALIKE);
      assertThat(lookalike.group()).isEqualTo(-1 - original.group());
    }
    assertThat(items.stream().filter(i -> i.kind() == DuplicateSet.Kind.LOOKALIKE).count())
        .isEqualTo(lookalikes.size());
  }

  @Test
  void copiesHaveTheSizesTheyAreAddedUnder() throws IOException {
    ImageDecoding decoding = new ImageDecoding();
    for (DuplicateSet.Item item : items) {
      BgrImage image = decoding.decode(item.bytes(), item.filename());
      assertThat(image.width()).as(item.filename()).isEqualTo(item.width());
      assertThat(image.height()).as(item.filename()).isEqualTo(item.height());
    }
  }

  @Test
  void theSameSeedDrawsTheSameSet() {
    DuplicateSet again = DuplicateSet.generate(12, 3);

    assertThat(again.items()).hasSameSizeAs(items);
    for (int i = 0; i < items.size(); i++) {
      assertThat(again.items().get(i).bytes()).isEqualTo(items.get(i).bytes());
    }
  }
}
