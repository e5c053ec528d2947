package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the API key, first found wins: {@code $LOUPE_API_KEY}, Loupe's settings file (written by
 * {@code loupe platform login}), the Ultralytics settings file ({@code yolo settings api_key=...}).
 * A malformed key fails, naming where it came from and never the key.
 */
public final class ApiKeyResolver {
  /** The environment variable read first. */
  public static final String ENV = "LOUPE_API_KEY";

  private final ConfigDirs dirs;

  public ApiKeyResolver(ConfigDirs dirs) {
    this.dirs = dirs;
  }

  /** Where a key came from. */
  public enum Source {
    ENVIRONMENT,
    LOUPE_SETTINGS,
    ULTRALYTICS_SETTINGS
  }

  /** A key and where it was found ({@code file} is null for the environment). */
  public record Found(ApiKey key, Source source, Path file) {
    /** E.g. {@code $LOUPE_API_KEY} or a file's path. */
    public String where() {
      return file == null ? "$" + ENV : file.toString();
    }
  }

  /**
   * The key, if any source has one.
   *
   * @throws IllegalArgumentException when the first source that has a value holds a malformed key
   */
  public Optional<Found> resolve() {
    String env = dirs.value(ENV);
    if (env != null) {
      return Optional.of(new Found(parse(env, "$" + ENV), Source.ENVIRONMENT, null));
    }
    Path loupe = dirs.loupeSettings();
    String stored = new PlatformSettingsFile(loupe).read().apiKeyText();
    if (stored != null) {
      return Optional.of(new Found(parse(stored, loupe.toString()), Source.LOUPE_SETTINGS, loupe));
    }
    for (Path file : dirs.ultralyticsSettings()) {
      String key = ultralyticsKey(file);
      if (key != null) {
        return Optional.of(new Found(parse(key, file + " (api_key)"), Source.ULTRALYTICS_SETTINGS, file));
      }
    }
    return Optional.empty();
  }

  /** The {@code api_key} of an Ultralytics settings file; null when absent, empty or unreadable. */
  static String ultralyticsKey(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode n = PlatformJson.MAPPER.readTree(Files.readAllBytes(file));
      JsonNode key = n == null ? null : n.path("api_key");
      return key != null && key.isTextual() && !key.asText().isBlank() ? key.asText() : null;
    } catch (IOException unreadable) {
      // the Ultralytics package starts afresh from a broken file too; it is not ours to fail on
      return null;
    }
  }

  private static ApiKey parse(String text, String where) {
    try {
      return ApiKey.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the API key in " + where + " is malformed: " + e.getMessage(), e);
    }
  }
}
