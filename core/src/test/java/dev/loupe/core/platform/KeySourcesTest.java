package dev.loupe.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the key comes from, in order, and the settings file only its owner can read. */
class KeySourcesTest {
  static final String OTHER = "ul_" + "a".repeat(40);
  @TempDir Path home;
  final Map<String, String> env = new HashMap<>();

  ConfigDirs dirs() {
    return new ConfigDirs(env::get, home, "Linux");
  }

  @Test
  void theLoginFileIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(Files.getFileAttributeView(home, PosixFileAttributeView.class) != null, "POSIX file system");
    PlatformSettingsFile file = new PlatformSettingsFile(dirs().loupeSettings());
    file.saveKey(ApiKey.parse(ApiKeyTest.KEY));
    assertThat(file.path()).isEqualTo(home.resolve(".config/loupe/platform.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path().getParent()))).isEqualTo("rwx------");
    file.saveKey(ApiKey.parse(OTHER));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
    assertThat(file.read().apiKey()).isEqualTo(ApiKey.parse(OTHER));
    try (var list = Files.list(file.path().getParent())) {
      assertThat(list).containsExactly(file.path());
    }
  }

  @Test
  void environmentThenLoupeThenUltralytics() throws Exception {
    Path yolo = home.resolve(".config/Ultralytics/settings.json");
    Files.createDirectories(yolo.getParent());
    Files.writeString(yolo, "{\"settings_version\": \"0.0.6\", \"api_key\": \"" + OTHER + "\", \"sync\": true}");
    ApiKeyResolver resolver = new ApiKeyResolver(dirs());
    assertThat(resolver.resolve()).get().satisfies(f -> {
      assertThat(f.source()).isEqualTo(ApiKeyResolver.Source.ULTRALYTICS_SETTINGS);
      assertThat(f.key()).isEqualTo(ApiKey.parse(OTHER));
    });
    new PlatformSettingsFile(dirs().loupeSettings()).saveKey(ApiKey.parse(ApiKeyTest.KEY));
    assertThat(resolver.resolve().get().source()).isEqualTo(ApiKeyResolver.Source.LOUPE_SETTINGS);
    env.put("LOUPE_API_KEY", OTHER);
    assertThat(resolver.resolve().get().source()).isEqualTo(ApiKeyResolver.Source.ENVIRONMENT);
    env.put("LOUPE_API_KEY", " ");
    assertThat(resolver.resolve().get().source()).isEqualTo(ApiKeyResolver.Source.LOUPE_SETTINGS);
    assertThat(new PlatformSettingsFile(dirs().loupeSettings()).clearKey()).isTrue();
    assertThat(Files.exists(dirs().loupeSettings())).isFalse();
    assertThat(resolver.resolve().get().source()).isEqualTo(ApiKeyResolver.Source.ULTRALYTICS_SETTINGS);
  }

  @Test
  void yoloConfigDirAndAnEmptyUltralyticsKey() throws Exception {
    env.put("YOLO_CONFIG_DIR", home.resolve("yolo").toString());
    Path yolo = home.resolve("yolo/Ultralytics/settings.json");
    Files.createDirectories(yolo.getParent());
    Files.writeString(yolo, "{\"api_key\": \"\"}");
    assertThat(new ApiKeyResolver(dirs()).resolve()).isEmpty();
  }

  @Test
  void aMalformedKeyNamesItsSourceNotItsValue() {
    String bad = "ul_" + "z".repeat(40);
    env.put("LOUPE_API_KEY", bad);
    assertThatThrownBy(() -> new ApiKeyResolver(dirs()).resolve())
        .hasMessageContaining("$LOUPE_API_KEY").hasMessageNotContaining(bad);
  }

  @Test
  void theUrlComesFromTheExplicitSettingThenTheEnvironmentThenLogin() {
    assertThat(PlatformConfig.resolve(dirs(), null).baseUrl()).isEqualTo("https://platform.ultralytics.com/api");
    new PlatformSettingsFile(dirs().loupeSettings()).saveUrl("http://hub.local:8080/api");
    assertThat(PlatformConfig.resolve(dirs(), null).baseUrl()).isEqualTo("http://hub.local:8080/api");
    env.put("LOUPE_PLATFORM_URL", "http://127.0.0.1:9000/api");
    assertThat(PlatformConfig.resolve(dirs(), null).baseUrl()).isEqualTo("http://127.0.0.1:9000/api");
    assertThat(PlatformConfig.resolve(dirs(), "https://x/api").baseUrl()).isEqualTo("https://x/api");
    assertThat(PlatformConfig.resolve(dirs(), null).apiKey()).isNull();
  }

  @Test
  void perOsFolders() {
    assertThat(new ConfigDirs(env::get, home, "Mac OS X").ultralyticsSettings())
        .containsExactly(home.resolve("Library/Application Support/Ultralytics/settings.json"));
    assertThat(new ConfigDirs(env::get, home, "Windows 11").ultralyticsSettings())
        .containsExactly(home.resolve("AppData/Roaming/Ultralytics/settings.json"));
    env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
    assertThat(dirs().ultralyticsSettings()).containsExactly(home.resolve("xdg/Ultralytics/settings.json"));
    assertThat(dirs().loupe()).isEqualTo(home.resolve("xdg/loupe"));
  }
}
