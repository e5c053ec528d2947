package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.explorer.ColorMode;
import dev.loupe.app.gui.stats.ClassOrder;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImageSort;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** The views' keys made by joining (which MessagesTest cannot see) are all in the bundle. */
class ViewMessagesTest {
  private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("dev.loupe.app.gui.messages");

  @Test
  void everyCenterViewHasANameAndADescription() {
    for (CenterView v : CenterView.values()) {
      assertThat(BUNDLE.containsKey(v.key())).as(v.key()).isTrue();
      assertThat(BUNDLE.containsKey(v.key() + ".tip")).as(v.key() + ".tip").isTrue();
    }
    assertThat(CenterView.GRID.title()).isEqualTo("Grid");
  }

  @Test
  void everyColorModeAndClassOrderHasAName() {
    for (ColorMode m : ColorMode.values()) {
      assertThat(BUNDLE.containsKey(m.key())).as(m.key()).isTrue();
    }
    for (ClassOrder o : ClassOrder.values()) {
      assertThat(BUNDLE.containsKey(o.key())).as(o.key()).isTrue();
    }
    assertThat(ColorMode.LABEL_COUNT.text()).isEqualTo("Label count");
    assertThat(ClassOrder.COUNT.text()).isEqualTo("By count");
  }

  @Test
  void everySortAndSplitHasAName() {
    for (ImageSort s : ImageSort.values()) {
      assertThat(BUNDLE.containsKey("grid.sort." + s.apiName())).as(s.apiName()).isTrue();
    }
    for (Split s : Split.values()) {
      assertThat(BUNDLE.containsKey("split." + s.apiName())).as(s.apiName()).isTrue();
    }
  }

  @Test
  void countsReadAsTheyDidBeforeTheBundle() {
    assertThat(Messages.text("main.status", 1, "/w")).isEqualTo("/w  ·  1 dataset");
    assertThat(Messages.text("main.status", 12345, "/w")).isEqualTo("/w  ·  12345 datasets");
    assertThat(Messages.text("grid.classes.some", 1)).isEqualTo("1 class");
    assertThat(Messages.text("grid.classes.some", 3)).isEqualTo("3 classes");
    assertThat(Messages.text("grid.chip.classes", 1, "cat")).isEqualTo("Class: cat");
    assertThat(Messages.text("grid.chip.classes", 2, "cat, dog")).isEqualTo("Classes: cat, dog");
    assertThat(Messages.text("grid.tile.tip", "a.jpg", "640", "480", "1", "train"))
        .isEqualTo("a.jpg\n640 × 480, 1 labels, train");
    assertThat(Messages.text("grid.delete.text", 1, "Cars"))
        .isEqualTo("Delete 1 image from 'Cars'? Their labels go with them; this cannot be undone.");
    assertThat(Messages.text("labeling.preview.error", "x", "broken")).isEqualTo("x   ·   ⚠ broken");
    assertThat(Messages.text("stats.chart.axisLog", "px")).isEqualTo("px  (log scale)");
    assertThat(Messages.text("duplicates.summary.leaks", 2, "x")).isEqualTo("x · 2 leaks across splits");
    assertThat(Messages.text("labeling.preview.detail", 1, "3", "12", "640", "480", "val"))
        .isEqualTo("3 / 12   ·   640 × 480   ·   1 label   ·   val");
  }
}
