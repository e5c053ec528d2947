package dev.loupe.labeling.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

class KeymapTest {
  @TempDir Path tmp;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage(); // Shortcut keys ask the toolkit which key is the shortcut
  }

  private static KeyEvent key(KeyCode code, boolean shift, boolean ctrl) {
    return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, ctrl, false, false);
  }

  @Test
  void default_preset_follows_desktop_habits_and_cvat_preset_uses_f_and_d() {
    Keymap desktop = new Keymap(Keymap.Preset.DEFAULT);
    assertThat(desktop.actionFor(key(KeyCode.D, false, false))).isEqualTo(Action.NEXT_IMAGE);
    assertThat(desktop.actionFor(key(KeyCode.A, false, false))).isEqualTo(Action.PREVIOUS_IMAGE);
    assertThat(desktop.actionFor(key(KeyCode.Z, false, true))).isEqualTo(Action.UNDO);
    assertThat(desktop.actionFor(key(KeyCode.Z, true, true))).isEqualTo(Action.REDO);
    assertThat(desktop.actionFor(key(KeyCode.Y, false, true))).isEqualTo(Action.REDO);
    assertThat(desktop.actionFor(key(KeyCode.D, false, true))).isEqualTo(Action.DUPLICATE);
    assertThat(desktop.actionFor(key(KeyCode.TAB, true, false))).isEqualTo(Action.PREVIOUS_SHAPE);
    assertThat(desktop.actionFor(key(KeyCode.DIGIT3, false, false))).isEqualTo(Action.CLASS_3);
    assertThat(desktop.actionFor(key(KeyCode.DIGIT0, false, false))).isEqualTo(Action.CLASS_0);
    assertThat(desktop.actionFor(key(KeyCode.Q, false, false))).isNull();

    Keymap cvat = new Keymap(Keymap.Preset.CVAT);
    assertThat(cvat.actionFor(key(KeyCode.F, false, false))).isEqualTo(Action.NEXT_IMAGE);
    assertThat(cvat.actionFor(key(KeyCode.D, false, false))).isEqualTo(Action.PREVIOUS_IMAGE);

    Keymap labelStudio = new Keymap(Keymap.Preset.LABEL_STUDIO);
    assertThat(labelStudio.actionFor(key(KeyCode.ENTER, false, true))).isEqualTo(Action.ACCEPT_ALL_PREDICTIONS);
    assertThat(labelStudio.actionFor(key(KeyCode.H, false, true))).isEqualTo(Action.TOGGLE_HIDE_ALL);
    assertThat(desktop.actionFor(key(KeyCode.END, false, true), Action.Scope.WINDOW)).isEqualTo(Action.GRID_LAST);
    assertThat(desktop.actionFor(key(KeyCode.END, false, true), Action.Scope.LABELING)).isNull();

    assertThat(desktop.conflicts()).isEmpty();
    assertThat(cvat.conflicts()).isEmpty();
    assertThat(labelStudio.conflicts()).isEmpty();
    assertThat(Action.CLASS_3.classIndex()).isEqualTo(3);
    assertThat(Action.CLASS_0.classIndex()).isEqualTo(0);
    assertThat(Action.UNDO.description()).isEqualTo("Undo");
  }

  @Test
  void a_remapped_keymap_survives_save_and_load() throws IOException {
    Keymap keymap = new Keymap(Keymap.Preset.CVAT);
    keymap.bind(Action.TOOL_BOX, List.of(KeyCombination.valueOf("B")));
    keymap.bind(Action.TOGGLE_HIDE_ALL, List.of());
    Path file = tmp.resolve("ws/keymap.json");
    keymap.save(file);

    Keymap loaded = Keymap.load(file);
    assertThat(loaded.preset()).isEqualTo(Keymap.Preset.CVAT);
    assertThat(loaded.actionFor(key(KeyCode.B, false, false))).isEqualTo(Action.TOOL_BOX);
    assertThat(loaded.actionFor(key(KeyCode.R, false, false))).isNull();
    assertThat(loaded.actionFor(key(KeyCode.H, false, false))).isNull();
    assertThat(loaded.actionFor(key(KeyCode.F, false, false))).isEqualTo(Action.NEXT_IMAGE);
    assertThat(loaded.problems()).isEmpty();
  }

  @Test
  void unknown_entries_are_skipped_and_named_missing_ones_keep_the_preset() throws IOException {
    Path file = tmp.resolve("keymap.json");
    Files.writeString(file, "{\"preset\": \"default\", \"bindings\": {\"NEXT_IMAGE\": [\"N\", \"Ctrl+Nonsense+\"],"
        + " \"FLY\": [\"X\"]}}");
    Keymap loaded = Keymap.load(file);
    assertThat(loaded.actionFor(key(KeyCode.N, false, false))).isEqualTo(Action.NEXT_IMAGE);
    assertThat(loaded.actionFor(key(KeyCode.A, false, false))).isEqualTo(Action.PREVIOUS_IMAGE);
    assertThat(loaded.problems()).hasSize(2).anyMatch(p -> p.contains("FLY"));

    assertThat(Keymap.load(tmp.resolve("absent.json")).preset()).isEqualTo(Keymap.Preset.DEFAULT);
    Files.writeString(file, "not json {");
    assertThatThrownBy(() -> Keymap.load(file)).isInstanceOf(IOException.class).hasMessageContaining("cannot read keymap");
  }

  @Test
  void conflicts_are_reported() {
    Keymap keymap = new Keymap(Keymap.Preset.DEFAULT);
    keymap.bind(Action.TOOL_BOX, List.of(KeyCombination.valueOf("D")));
    assertThat(keymap.conflicts()).containsOnlyKeys("D");
    assertThat(keymap.conflicts().get("D")).containsExactlyInAnyOrder(Action.NEXT_IMAGE, Action.TOOL_BOX);
  }

  @Test
  void a_recorded_key_press_becomes_a_portable_combination() {
    KeyCombination undo = Keymap.combinationOf(key(KeyCode.Z, true, true));
    assertThat(undo.getName()).isEqualTo("Shift+Shortcut+Z");
    assertThat(Keymap.combinationOf(key(KeyCode.SHIFT, true, false))).isNull();
    Keymap keymap = new Keymap(Keymap.Preset.DEFAULT);
    Keymap copy = keymap.copy();
    copy.bind(Action.UNDO, List.of(Keymap.combinationOf(key(KeyCode.U, false, false))));
    assertThat(copy.actionFor(key(KeyCode.U, false, false))).isEqualTo(Action.UNDO);
    assertThat(keymap.actionFor(key(KeyCode.U, false, false))).isNull(); // the original is untouched
  }
}
