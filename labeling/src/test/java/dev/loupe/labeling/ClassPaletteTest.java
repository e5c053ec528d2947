package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class ClassPaletteTest {
  @Test
  void colours_are_stable_and_distinct_for_neighbouring_ids() {
    ClassPalette palette = new ClassPalette();
    assertThat(palette.colorOf(3)).isEqualTo(new ClassPalette().colorOf(3));
    for (int id = 0; id < 20; id++) {
      assertThat(palette.colorOf(id)).isNotEqualTo(palette.colorOf(id + 1));
    }
  }

  @Test
  void overrides_round_trip_through_hex_and_bad_entries_keep_the_default() {
    ClassPalette palette = new ClassPalette();
    palette.setColor(2, Color.web("#ff8800"));
    Map<Integer, String> saved = palette.overridesAsHex();
    assertThat(saved).containsEntry(2, "#ff8800");

    ClassPalette reloaded = new ClassPalette();
    reloaded.loadOverrides(Map.of(2, "#ff8800", 5, "not a colour"));
    assertThat(reloaded.colorOf(2)).isEqualTo(Color.web("#ff8800"));
    assertThat(reloaded.colorOf(5)).isEqualTo(ClassPalette.defaultColor(5));

    reloaded.setColor(2, null);
    assertThat(reloaded.colorOf(2)).isEqualTo(ClassPalette.defaultColor(2));
  }
}
