package dev.loupe.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PairScoreTest {
  @Test
  void aGroupClaimsEveryPairOfItsImagesOnceWhateverTheOrder() {
    Set<Long> pairs = PairScore.pairs(List.of(new int[] {4, 1, 7}, new int[] {1, 4}));

    assertThat(pairs).containsExactlyInAnyOrder(PairScore.key(1, 4), PairScore.key(1, 7), PairScore.key(4, 7));
    assertThat(PairScore.key(7, 4)).isEqualTo(PairScore.key(4, 7));
  }

  @Test
  void recallAndPrecisionCountPairs() {
    Set<Long> truth = Set.of(PairScore.key(0, 1), PairScore.key(0, 2), PairScore.key(1, 2), PairScore.key(5, 6));
    // found {0, 1, 3}: 1 of its 3 pairs is true; {5, 6}: true
    Set<Long> found = PairScore.pairs(List.of(new int[] {0, 1, 3}, new int[] {5, 6}));

    PairScore score = PairScore.of(truth, found);

    assertThat(score.correct()).isEqualTo(2);
    assertThat(score.recall()).isEqualTo(0.5);
    assertThat(score.precision()).isEqualTo(0.5);
  }

  @Test
  void nothingToFindAndNothingClaimedScoreOne() {
    PairScore score = PairScore.of(Set.of(), Set.of());

    assertThat(score.recall()).isEqualTo(1);
    assertThat(score.precision()).isEqualTo(1);
  }
}
