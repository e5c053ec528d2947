package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The texts with counts read as the English they replaced, and every preset and scope has a name.
 * (That every key the labeling code names is in the bundle, and that every text formats, is checked
 * with the window's bundle by the app's {@code MessagesTest}.)
 */
class MessagesTest {
  private Locale before;

  @BeforeEach
  void english() {
    before = Locale.getDefault();
    Locale.setDefault(Locale.ENGLISH);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(before);
  }

  @Test
  void countsReadAsBefore() {
    assertThat(Messages.text("review.count", 1)).isEqualTo("1 prediction to review");
    assertThat(Messages.text("review.count", 3)).isEqualTo("3 predictions to review");
    assertThat(Messages.text("review.count", 1234)).isEqualTo("1234 predictions to review");
    assertThat(Messages.text("actions.copied", 1)).isEqualTo("Copied 1 label");
    assertThat(Messages.text("actions.copied", 0)).isEqualTo("Copied 0 labels");
    assertThat(Messages.text("actions.accepted", 2)).isEqualTo("Accepted 2 predictions");
    assertThat(Messages.text("actions.rejected", 1)).isEqualTo("Rejected 1 prediction");
    assertThat(Messages.text("edit.delete", 1)).isEqualTo("delete");
    assertThat(Messages.text("edit.delete", 0)).isEqualTo("delete 0 labels");
    assertThat(Messages.text("edit.paste", 1500)).isEqualTo("paste 1500 labels");
    assertThat(Messages.text("edit.move", 2)).isEqualTo("move 2 labels");
    assertThat(Messages.text("edit.preLabel", 1)).isEqualTo("pre-label 1 labels");
    assertThat(Messages.text("hint.polygon.next", 1000))
        .isEqualTo("1000 vertices: click the next, Enter or double-click closes, Backspace takes one back");
    assertThat(Messages.text("keymap.problem.unknownPreset", "fly"))
        .isEqualTo("unknown preset 'fly', using default");
  }

  @Test
  void everyPresetAndScopeHasAName() {
    for (Keymap.Preset preset : Keymap.Preset.values()) {
      assertThat(HelpOverlay.presetName(preset)).isNotBlank();
      assertThat(KeymapEditor.presetName(preset)).isNotBlank();
    }
    for (Action.Scope scope : Action.Scope.values()) {
      assertThat(HelpOverlay.scopeName(scope)).isNotBlank();
    }
    assertThat(HelpOverlay.presetName(Keymap.Preset.LABEL_STUDIO)).isEqualTo("label studio");
    assertThat(KeymapEditor.presetName(Keymap.Preset.LABEL_STUDIO)).isEqualTo("Label Studio");
  }
}
