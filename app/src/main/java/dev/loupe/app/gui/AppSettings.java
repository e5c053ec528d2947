package dev.loupe.app.gui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.platform.ConfigDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The window's preferences, one JSON file per user ({@code settings.json} in Loupe's config folder,
 * {@link #defaultFile}): {@code {"keymapPreset": "default", "theme": "dark", "labelTextSize": 14,
 * "threads": 0, "device": "auto", "thumbnailSize": 160, "workspace": "/data/loupe"}}. Missing keys take
 * their defaults; values out of range are brought into it; keys Loupe does not know are kept when
 * the file is written again.
 *
 * @param keymapPreset the labeling view's key map preset, a {@code Keymap.Preset} name in lower case
 * @param theme light or dark, applied to the open window at once
 * @param labelTextSize the size of the class names drawn on the labeling canvas, in points
 * @param threads threads of one model inference; 0 lets the engine choose (next start)
 * @param device where models run: auto, cpu or gpu (next start)
 * @param thumbnailSize the grid's thumbnail edge in pixels ({@link #MIN_THUMBNAIL}..{@link #MAX_THUMBNAIL})
 * @param workspace the workspace folder the next start opens; null: {@code ~/.loupe}
 */
public record AppSettings(
    String keymapPreset, Theme theme, int labelTextSize, int threads, String device, int thumbnailSize,
    String workspace) {
  public static final int MIN_THUMBNAIL = 96;
  public static final int MAX_THUMBNAIL = 256;
  public static final int MIN_LABEL_TEXT = 8;
  public static final int MAX_LABEL_TEXT = 40;
  /** The devices a model can be asked to run on. */
  public static final java.util.List<String> DEVICES = java.util.List.of("auto", "cpu", "gpu");
  public static final AppSettings DEFAULTS = new AppSettings("default", Theme.DARK, 14, 0, "auto", 160, null);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The window's colours. */
  public enum Theme {
    DARK,
    LIGHT;

    /** "dark", "light": the name in the settings file. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AppSettings {
    keymapPreset = keymapPreset == null || keymapPreset.isBlank() ? "default" : keymapPreset.strip().toLowerCase(Locale.ROOT);
    theme = theme == null ? Theme.DARK : theme;
    labelTextSize = Math.max(MIN_LABEL_TEXT, Math.min(MAX_LABEL_TEXT, labelTextSize));
    threads = Math.max(0, threads);
    device = device == null || !DEVICES.contains(device.strip().toLowerCase(Locale.ROOT))
        ? "auto" : device.strip().toLowerCase(Locale.ROOT);
    thumbnailSize = Math.max(MIN_THUMBNAIL, Math.min(MAX_THUMBNAIL, thumbnailSize));
    workspace = workspace == null || workspace.isBlank() ? null : workspace.strip();
  }

  /** {@code settings.json} in Loupe's config folder ({@code $LOUPE_CONFIG_DIR}, else e.g. ~/.config/loupe). */
  public static Path defaultFile(ConfigDirs dirs) {
    return dirs.loupe().resolve("settings.json");
  }

  public AppSettings withKeymapPreset(String value) {
    return new AppSettings(value, theme, labelTextSize, threads, device, thumbnailSize, workspace);
  }

  public AppSettings withTheme(Theme value) {
    return new AppSettings(keymapPreset, value, labelTextSize, threads, device, thumbnailSize, workspace);
  }

  public AppSettings withLabelTextSize(int value) {
    return new AppSettings(keymapPreset, theme, value, threads, device, thumbnailSize, workspace);
  }

  public AppSettings withThreads(int value) {
    return new AppSettings(keymapPreset, theme, labelTextSize, value, device, thumbnailSize, workspace);
  }

  public AppSettings withDevice(String value) {
    return new AppSettings(keymapPreset, theme, labelTextSize, threads, value, thumbnailSize, workspace);
  }

  public AppSettings withThumbnailSize(int value) {
    return new AppSettings(keymapPreset, theme, labelTextSize, threads, device, value, workspace);
  }

  public AppSettings withWorkspace(String value) {
    return new AppSettings(keymapPreset, theme, labelTextSize, threads, device, thumbnailSize, value);
  }

  /**
   * Reads {@code file}; a missing file gives {@link #DEFAULTS}.
   *
   * @throws IllegalArgumentException when the file is not a JSON object (naming the file)
   */
  public static AppSettings read(Path file) {
    JsonNode n = tree(file);
    AppSettings d = DEFAULTS;
    String theme = n.path("theme").asText(d.theme.key());
    return new AppSettings(
        n.path("keymapPreset").asText(d.keymapPreset),
        "light".equalsIgnoreCase(theme.strip()) ? Theme.LIGHT : Theme.DARK,
        n.path("labelTextSize").asInt(d.labelTextSize),
        n.path("threads").asInt(d.threads),
        n.path("device").asText(d.device),
        n.path("thumbnailSize").asInt(d.thumbnailSize),
        n.path("workspace").isTextual() ? n.path("workspace").asText() : null);
  }

  /** The workspace folder {@code file} names; null when it names none or cannot be read (the window says why). */
  public static Path workspaceIn(Path file) {
    try {
      String folder = read(file).workspace();
      return folder == null ? null : Path.of(folder);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  /** Writes these settings to {@code file} (whole, then moved in place), keeping keys Loupe does not know. */
  public void write(Path file) {
    ObjectNode n;
    try {
      n = tree(file);
    } catch (IllegalArgumentException unreadable) {
      n = JSON.createObjectNode(); // the user asked for these settings: they replace a broken file
    }
    n.put("keymapPreset", keymapPreset);
    n.put("theme", theme.key());
    n.put("labelTextSize", labelTextSize);
    n.put("threads", threads);
    n.put("device", device);
    n.put("thumbnailSize", thumbnailSize);
    if (workspace == null) {
      n.remove("workspace");
    } else {
      n.put("workspace", workspace);
    }
    Path dir = file.toAbsolutePath().getParent();
    Path part = dir.resolve("." + file.getFileName() + ".part");
    try {
      Files.createDirectories(dir);
      Files.write(part, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
      try {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          Messages.text("settings.error.write", file.toString(), String.valueOf(e.getMessage())), e);
    }
  }

  private static ObjectNode tree(Path file) {
    if (!Files.exists(file)) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(Files.readAllBytes(file));
      if (n == null || !n.isObject()) {
        throw new IllegalArgumentException(Messages.text("settings.error.notObject", file.toString()));
      }
      return (ObjectNode) n;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(Messages.text("settings.error.notJson", file.toString()), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          Messages.text("settings.error.read", file.toString(), String.valueOf(e.getMessage())), e);
    }
  }
}
