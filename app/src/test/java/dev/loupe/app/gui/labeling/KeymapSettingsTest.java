package dev.loupe.app.gui.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.app.gui.AppSettings;
import dev.loupe.app.gui.SettingsStore;
import dev.loupe.app.gui.classes.ClassColorStore;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key map preset chosen in the settings is the window's keymap, saved in the workspace. */
class KeymapSettingsTest {
  @TempDir Path dir;

  @Test
  void choosing_a_preset_in_the_settings_switches_the_bindings_and_saves_them() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      CanvasLabelingHost host = new CanvasLabelingHost(ws, new ClassColorStore(ws.root()), ModelRuntime.engines());
      SettingsStore settings = SettingsStore.inMemory(AppSettings.DEFAULTS);
      host.followSettings(settings);
      assertThat(host.keymap().display(Action.NEXT_IMAGE)).isEqualTo("D");

      settings.update(s -> s.withKeymapPreset("cvat"));
      assertThat(host.keymap().preset()).isEqualTo(Keymap.Preset.CVAT);
      assertThat(host.keymap().display(Action.NEXT_IMAGE)).isEqualTo("F");
      assertThat(Keymap.load(ws.root().resolve("keymap.json")).preset()).isEqualTo(Keymap.Preset.CVAT);

      settings.update(s -> s.withKeymapPreset("label_studio"));
      assertThat(host.keymap().keys(Action.ACCEPT_ALL_PREDICTIONS).get(0).getName()).isEqualTo("Shortcut+Enter");
      // a new window on the same workspace keeps the keys saved there
      assertThat(new CanvasLabelingHost(ws, new ClassColorStore(ws.root()), ModelRuntime.engines()).keymap().preset())
          .isEqualTo(Keymap.Preset.LABEL_STUDIO);
    }
  }
}
