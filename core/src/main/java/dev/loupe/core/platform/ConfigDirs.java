package dev.loupe.core.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Where Loupe keeps its user settings and where the Ultralytics package keeps its own
 * ({@code yolo settings} writes {@code settings.json} in its user config directory:
 * {@code $YOLO_CONFIG_DIR/Ultralytics}, else {@code $XDG_CONFIG_HOME/Ultralytics} or
 * {@code ~/.config/Ultralytics} on Linux, {@code ~/AppData/Roaming/Ultralytics} on Windows,
 * {@code ~/Library/Application Support/Ultralytics} on macOS).
 */
public final class ConfigDirs {
  private final Function<String, String> env;
  private final Path home;
  private final String os;

  /**
   * @param env environment variables by name (null when unset)
   * @param home the user's home folder
   * @param osName {@code os.name}
   */
  public ConfigDirs(Function<String, String> env, Path home, String osName) {
    this.env = env;
    this.home = home;
    this.os = osName.toLowerCase(Locale.ROOT);
  }

  /** For this process: its environment, {@code user.home} and {@code os.name}. */
  public static ConfigDirs system() {
    return new ConfigDirs(System::getenv, Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
  }

  /** Loupe's settings folder: {@code $LOUPE_CONFIG_DIR}, else the OS's user config folder + {@code loupe}. */
  public Path loupe() {
    String override = value("LOUPE_CONFIG_DIR");
    if (override != null) {
      return Path.of(override);
    }
    if (windows()) {
      String appData = value("APPDATA");
      return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Loupe");
    }
    if (mac()) {
      return home.resolve("Library").resolve("Application Support").resolve("Loupe");
    }
    return xdg().resolve("loupe");
  }

  /** Loupe's platform settings file ({@code platform.json} in {@link #loupe()}). */
  public Path loupeSettings() {
    return loupe().resolve("platform.json");
  }

  /**
   * The Ultralytics settings files to look in, first found wins: the current package's location,
   * then {@code $YOLO_CONFIG_DIR/settings.json} as older packages wrote it.
   */
  public List<Path> ultralyticsSettings() {
    List<Path> files = new ArrayList<>();
    String override = value("YOLO_CONFIG_DIR");
    if (override != null) {
      files.add(Path.of(override).resolve("Ultralytics").resolve("settings.json"));
      files.add(Path.of(override).resolve("settings.json"));
      return files;
    }
    Path dir;
    if (windows()) {
      dir = home.resolve("AppData").resolve("Roaming");
    } else if (mac()) {
      dir = home.resolve("Library").resolve("Application Support");
    } else {
      dir = xdg();
    }
    files.add(dir.resolve("Ultralytics").resolve("settings.json"));
    return files;
  }

  /** An environment variable, null when unset or blank. */
  String value(String name) {
    String v = env.apply(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private Path xdg() {
    String xdg = value("XDG_CONFIG_HOME");
    return xdg != null ? Path.of(xdg) : home.resolve(".config");
  }

  private boolean windows() {
    return os.startsWith("windows");
  }

  private boolean mac() {
    return os.startsWith("mac") || os.startsWith("darwin");
  }
}
