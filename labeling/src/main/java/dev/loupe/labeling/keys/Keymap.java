package dev.loupe.labeling.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.labeling.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Which keys run which {@link Action}: a preset (desktop habits, CVAT's or Label Studio's) that the
 * user can remap. One keymap serves the whole window ({@link SceneKeys}).
 * Saved as JSON at a path the app chooses (for example {@code <workspace>/keymap.json}):
 *
 * <pre>
 * {"preset": "default", "bindings": {"NEXT_IMAGE": ["D"], "REDO": ["Shortcut+Y", "Shortcut+Shift+Z"], ...}}
 * </pre>
 *
 * Actions missing from the file keep the preset's keys; unknown actions and unreadable keys are
 * skipped (and listed in {@link #problems()}), never fatal.
 */
public final class Keymap {
  /** The starting points of a keymap. */
  public enum Preset {
    /** Desktop habits: A and D for the images, Ctrl for the edits. */
    DEFAULT,
    /** Close to CVAT's keys (F and D for the next and previous frame). */
    CVAT,
    /** Close to Label Studio's keys (Ctrl+Enter accepts, Alt+. and Alt+, walk the regions). */
    LABEL_STUDIO
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Preset preset;
  private final Map<Action, List<KeyCombination>> bindings = new EnumMap<>(Action.class);
  private final List<String> problems = new ArrayList<>();

  public Keymap(Preset preset) {
    this.preset = preset;
    for (Action action : Action.values()) {
      List<KeyCombination> keys = new ArrayList<>();
      for (String key : action.keys(preset)) {
        keys.add(KeyCombination.valueOf(key));
      }
      bindings.put(action, List.copyOf(keys));
    }
  }

  /** An independent copy (the editor changes a copy until the user confirms). */
  public Keymap copy() {
    Keymap copy = new Keymap(preset);
    copy.bindings.putAll(bindings);
    return copy;
  }

  /**
   * The combination a key press makes, for recording a new binding: Ctrl (Cmd on a Mac) is written
   * as Shortcut so the keymap travels between systems. Null for a press of a modifier alone.
   */
  public static KeyCombination combinationOf(KeyEvent event) {
    javafx.scene.input.KeyCode code = event.getCode();
    if (code == null || code.isModifierKey() || code == javafx.scene.input.KeyCode.UNDEFINED) {
      return null;
    }
    List<KeyCombination.Modifier> modifiers = new ArrayList<>();
    if (event.isShortcutDown()) {
      modifiers.add(KeyCombination.SHORTCUT_DOWN);
    }
    if (event.isShiftDown()) {
      modifiers.add(KeyCombination.SHIFT_DOWN);
    }
    if (event.isAltDown()) {
      modifiers.add(KeyCombination.ALT_DOWN);
    }
    return new javafx.scene.input.KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
  }

  public Preset preset() {
    return preset;
  }

  /** The keys of an action (empty when unbound). */
  public List<KeyCombination> keys(Action action) {
    return bindings.get(action);
  }

  /** Remaps an action; an empty list unbinds it. */
  public void bind(Action action, List<KeyCombination> keys) {
    bindings.put(action, List.copyOf(keys));
  }

  /** The action a key press runs, or null. */
  public Action actionFor(KeyEvent event) {
    return actionFor(event, null);
  }

  /** The action of {@code scope} (null: any) a key press runs, or null. */
  public Action actionFor(KeyEvent event, Action.Scope scope) {
    for (Map.Entry<Action, List<KeyCombination>> entry : bindings.entrySet()) {
      if (scope != null && entry.getKey().scope() != scope) {
        continue;
      }
      for (KeyCombination key : entry.getValue()) {
        if (key.match(event)) {
          return entry.getKey();
        }
      }
    }
    return null;
  }

  /** Keys bound to more than one action, with the actions (empty when there is no conflict). */
  public Map<String, List<Action>> conflicts() {
    Map<String, List<Action>> byKey = new LinkedHashMap<>();
    bindings.forEach((action, keys) -> keys.forEach(k -> byKey.computeIfAbsent(k.getName(), n -> new ArrayList<>()).add(action)));
    byKey.values().removeIf(actions -> actions.size() < 2);
    return byKey;
  }

  /** The key names of an action as the user reads them ("Ctrl+Z, Ctrl+Y"). */
  public String display(Action action) {
    List<String> names = new ArrayList<>();
    for (KeyCombination key : bindings.get(action)) {
      names.add(key.getDisplayText());
    }
    return String.join(", ", names);
  }

  /** What was skipped when the keymap was loaded. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Writes the keymap as JSON (through a temporary file: a crash leaves the old file or the new one). */
  public void save(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("preset", preset.name().toLowerCase(Locale.ROOT));
    ObjectNode map = root.putObject("bindings");
    bindings.forEach(
        (action, keys) -> {
          ArrayNode array = map.putArray(action.name());
          keys.forEach(k -> array.add(k.getName()));
        });
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "keymap", ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads a saved keymap; a missing file gives the default preset. A file that is not JSON is an
   * error (the user should know their keymap was not read).
   */
  public static Keymap load(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Keymap(Preset.DEFAULT);
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(Messages.text("keymap.cannotRead", String.valueOf(file), e.getMessage()), e);
    }
    Preset preset = Preset.DEFAULT;
    String presetName = root.path("preset").asText("default");
    try {
      preset = Preset.valueOf(presetName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // unknown preset: the default, noted below
    }
    Keymap keymap = new Keymap(preset);
    if (!preset.name().equalsIgnoreCase(presetName)) {
      keymap.problems.add(Messages.text("keymap.problem.unknownPreset", presetName));
    }
    root.path("bindings").fields().forEachRemaining(
        entry -> {
          Action action;
          try {
            action = Action.valueOf(entry.getKey());
          } catch (IllegalArgumentException e) {
            keymap.problems.add(Messages.text("keymap.problem.unknownAction", entry.getKey()));
            return;
          }
          List<KeyCombination> keys = new ArrayList<>();
          for (JsonNode key : entry.getValue()) {
            try {
              keys.add(KeyCombination.valueOf(key.asText()));
            } catch (IllegalArgumentException e) {
              keymap.problems.add(Messages.text("keymap.problem.unreadableKey", key.asText(), String.valueOf(action)));
            }
          }
          keymap.bind(action, keys);
        });
    return keymap;
  }
}
