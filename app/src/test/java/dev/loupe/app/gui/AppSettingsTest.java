package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's settings file: defaults, a round trip, unknown keys kept, bad files named. */
class AppSettingsTest {
  @TempDir Path dir;

  @Test
  void aMissingFileGivesTheDefaults() {
    assertThat(AppSettings.read(dir.resolve("settings.json"))).isEqualTo(AppSettings.DEFAULTS);
    assertThat(AppSettings.workspaceIn(dir.resolve("settings.json"))).isNull();
  }

  @Test
  void whatIsWrittenIsReadBackAndKeysLoupeDoesNotKnowStay() throws Exception {
    Path file = dir.resolve("cfg/settings.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"theme\": \"dark\", \"futureKey\": [1, 2]}");
    AppSettings chosen = AppSettings.DEFAULTS.withTheme(AppSettings.Theme.LIGHT).withKeymapPreset("CVAT")
        .withLabelTextSize(22).withThreads(3).withDevice("gpu").withThumbnailSize(224)
        .withWorkspace(dir.resolve("ws").toString());
    chosen.write(file);

    assertThat(AppSettings.read(file)).isEqualTo(chosen);
    assertThat(chosen.keymapPreset()).isEqualTo("cvat");
    String json = Files.readString(file);
    assertThat(json).contains("\"futureKey\"").contains("\"keymapPreset\" : \"cvat\"").contains("\"theme\" : \"light\"")
        .contains("\"labelTextSize\" : 22").contains("\"threads\" : 3").contains("\"device\" : \"gpu\"")
        .contains("\"thumbnailSize\" : 224");
    assertThat(AppSettings.workspaceIn(file)).isEqualTo(dir.resolve("ws"));
  }

  @Test
  void valuesOutOfRangeAreBroughtIntoIt() throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, "{\"thumbnailSize\": 5000, \"labelTextSize\": 1, \"threads\": -4, \"device\": \"tpu\"}");
    AppSettings s = AppSettings.read(file);
    assertThat(s.thumbnailSize()).isEqualTo(AppSettings.MAX_THUMBNAIL);
    assertThat(s.labelTextSize()).isEqualTo(AppSettings.MIN_LABEL_TEXT);
    assertThat(s.threads()).isZero();
    assertThat(s.device()).isEqualTo("auto");
  }

  @Test
  void aFileThatIsNotJsonIsNamedAndTheStoreKeepsTheDefaultsUntilTheUserChangesOne() throws Exception {
    Path file = dir.resolve("cfg/settings.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "theme = dark");
    assertThatThrownBy(() -> AppSettings.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON");
    assertThat(AppSettings.workspaceIn(file)).isNull();

    SettingsStore store = SettingsStore.open(configIn(dir.resolve("cfg")));
    assertThat(store.file()).isEqualTo(file);
    assertThat(store.get()).isEqualTo(AppSettings.DEFAULTS);
    assertThat(store.problem()).contains("not valid JSON");
    assertThat(Files.readString(file)).isEqualTo("theme = dark");

    store.update(s -> s.withThumbnailSize(128));
    assertThat(AppSettings.read(file).thumbnailSize()).isEqualTo(128);
  }

  @Test
  void theStoreTellsItsListenersAndWritesOnlyAChange() throws Exception {
    Path file = dir.resolve("cfg/settings.json");
    SettingsStore store = SettingsStore.open(configIn(dir.resolve("cfg")));
    store.update(s -> s);
    assertThat(file).doesNotExist();
    java.util.List<AppSettings> seen = new java.util.ArrayList<>();
    store.settingsProperty().addListener((o, a, s) -> seen.add(s));
    store.update(s -> s.withTheme(AppSettings.Theme.LIGHT));
    assertThat(seen).extracting(AppSettings::theme).containsExactly(AppSettings.Theme.LIGHT);
    assertThat(AppSettings.read(file).theme()).isEqualTo(AppSettings.Theme.LIGHT);

    SettingsStore memory = SettingsStore.inMemory(AppSettings.DEFAULTS);
    memory.update(s -> s.withThreads(2));
    assertThat(memory.get().threads()).isEqualTo(2);
    assertThat(memory.file()).isNull();
  }

  /** Config folders whose Loupe folder is {@code folder} ($LOUPE_CONFIG_DIR). */
  static dev.loupe.core.platform.ConfigDirs configIn(Path folder) {
    return new dev.loupe.core.platform.ConfigDirs(
        java.util.Map.of("LOUPE_CONFIG_DIR", folder.toString())::get, folder.resolve("home"), "Linux");
  }
}
