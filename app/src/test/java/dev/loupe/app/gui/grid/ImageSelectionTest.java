package dev.loupe.app.gui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImageSelectionTest {
  private final ImageSelection selection = new ImageSelection();

  @BeforeEach
  void size() {
    selection.setSize(100);
  }

  private BitSet bits(int... indexes) {
    BitSet b = new BitSet();
    for (int i : indexes) {
      b.set(i);
    }
    return b;
  }

  @Test
  void aClickSelectsOnlyThatImage() {
    selection.select(3);
    selection.select(7);
    assertThat(selection.positions()).isEqualTo(bits(7));
    assertThat(selection.count()).isEqualTo(1);
    assertThat(selection.focusProperty().get()).isEqualTo(7);
  }

  @Test
  void ctrlClickTogglesOneImage() {
    selection.select(3);
    selection.toggle(5);
    selection.toggle(9);
    selection.toggle(3);
    assertThat(selection.positions()).isEqualTo(bits(5, 9));
  }

  @Test
  void shiftClickSelectsTheRangeFromTheAnchorEitherWay() {
    selection.select(10);
    selection.extendTo(13, false);
    assertThat(selection.positions()).isEqualTo(bits(10, 11, 12, 13));
    selection.extendTo(8, false); // the anchor stays at 10
    assertThat(selection.positions()).isEqualTo(bits(8, 9, 10));
  }

  @Test
  void ctrlShiftClickAddsARangeToTheSelection() {
    selection.select(1);
    selection.toggle(20);
    selection.extendTo(22, true);
    assertThat(selection.positions()).isEqualTo(bits(1, 20, 21, 22));
  }

  @Test
  void selectAllTakesEveryPositionAndShrinkingDropsTheRest() {
    selection.selectAll();
    assertThat(selection.count()).isEqualTo(100);
    selection.setSize(40);
    assertThat(selection.count()).isEqualTo(40);
    assertThat(selection.isSelected(39)).isTrue();
    assertThat(selection.isSelected(40)).isFalse();
  }

  @Test
  void everyChangeIsCountedForRepainting() {
    int before = selection.changesProperty().get();
    selection.select(1);
    selection.toggle(2);
    selection.clear();
    assertThat(selection.changesProperty().get()).isEqualTo(before + 3);
    assertThat(selection.count()).isZero();
  }
}
