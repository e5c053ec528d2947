package dev.loupe.app.gui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.core.platform.PlatformSettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Platform settings: a bad URL or key keeps them unsaved; a good key is stored, an empty one keeps the stored key. */
class PlatformSettingsViewModelTest {
  static final String KEY = "ul_" + "0123456789abcdef".repeat(2) + "01234567";
  @TempDir Path dir;

  @Test
  void validatesThenStoresTheUrlAndKey() throws Exception {
    PlatformSettingsFile file = new PlatformSettingsFile(dir.resolve("loupe/platform.json"));
    Fx.run(() -> {
      PlatformSettingsViewModel vm = new PlatformSettingsViewModel(file);
      assertThat(vm.urlProperty().get()).isEqualTo("https://platform.ultralytics.com/api");
      assertThat(vm.problemProperty().get()).contains("API key");
      vm.keyProperty().set("ul_nothex");
      assertThat(vm.problemProperty().get()).contains("40 hex").doesNotContain("nothex");
      vm.keyProperty().set(KEY);
      vm.urlProperty().set("not a url");
      assertThat(vm.problemProperty().get()).contains("http");
      vm.urlProperty().set("http://127.0.0.1:8765/api");
      assertThat(vm.problemProperty().get()).isEmpty();
      vm.save();
    });
    assertThat(file.read().url()).isEqualTo("http://127.0.0.1:8765/api");
    assertThat(file.read().apiKeyText()).isEqualTo(KEY);
    Fx.run(() -> {
      PlatformSettingsViewModel again = new PlatformSettingsViewModel(file);
      assertThat(again.keyProperty().get()).isEmpty();
      assertThat(again.keyPrompt()).contains("stored");
      assertThat(again.problemProperty().get()).isEmpty();
      again.save();
    });
    assertThat(file.read().apiKeyText()).isEqualTo(KEY);
    assertThat(Files.exists(file.path())).isTrue();
  }
}
