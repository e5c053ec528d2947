package dev.loupe.app.gui;

import dev.loupe.core.platform.ApiKeyResolver;
import dev.loupe.core.platform.ConfigDirs;
import dev.loupe.core.platform.PlatformSettingsFile;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The window's {@link AppSettings} as a property that views follow (the theme, the grid's thumbnail
 * size), saved to their file on every change. Built with no file (tests, benchmarks) it keeps them
 * in memory only. A file that cannot be read leaves the defaults and says why in {@link #problem()};
 * it is replaced only when the user changes a setting.
 */
public final class SettingsStore {
  private final ConfigDirs dirs;
  private final Path file;
  private final ReadOnlyObjectWrapper<AppSettings> current;
  private final String problem;

  private SettingsStore(ConfigDirs dirs, AppSettings initial, String problem) {
    this.dirs = dirs;
    this.file = dirs == null ? null : AppSettings.defaultFile(dirs);
    this.current = new ReadOnlyObjectWrapper<>(initial);
    this.problem = problem;
  }

  /**
   * The settings in Loupe's config folder of {@code dirs} ({@link AppSettings#defaultFile}; the
   * defaults when it is missing or unreadable).
   */
  public static SettingsStore open(ConfigDirs dirs) {
    Path file = AppSettings.defaultFile(dirs);
    try {
      return new SettingsStore(dirs, AppSettings.read(file), null);
    } catch (RuntimeException e) {
      return new SettingsStore(dirs, AppSettings.DEFAULTS, e.getMessage());
    }
  }

  /** Settings that live as long as the window and are never written. */
  public static SettingsStore inMemory(AppSettings initial) {
    return new SettingsStore(null, initial, null);
  }

  public ReadOnlyObjectProperty<AppSettings> settingsProperty() {
    return current.getReadOnlyProperty();
  }

  public AppSettings get() {
    return current.get();
  }

  /** The file the settings are saved to; null when they are kept in memory. */
  public Path file() {
    return file;
  }

  /**
   * Loupe's platform settings ({@code platform.json}, the API key) beside this file; null when the
   * settings are kept in memory (nothing is stored then).
   */
  public PlatformSettingsFile platform() {
    return dirs == null ? null : new PlatformSettingsFile(dirs.loupeSettings());
  }

  /** Where the API key is looked for (environment, Loupe's and Ultralytics' settings); null in memory. */
  public ApiKeyResolver apiKeys() {
    return dirs == null ? null : new ApiKeyResolver(dirs);
  }

  /** Why the file could not be read, or null. */
  public String problem() {
    return problem;
  }

  /**
   * Applies {@code change}, tells the views and saves the file.
   *
   * @throws java.io.UncheckedIOException when the file cannot be written (the new settings still apply)
   */
  public void update(UnaryOperator<AppSettings> change) {
    AppSettings next = change.apply(current.get());
    if (next.equals(current.get())) {
      return;
    }
    current.set(next);
    if (file != null) {
      next.write(file);
    }
  }
}
