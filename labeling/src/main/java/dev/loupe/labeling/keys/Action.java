package dev.loupe.labeling.keys;

import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The catalogue of the window's keyboard actions: each has a description (in the {@code actions}
 * resource bundle), a {@link Scope} (where it applies) and default keys in each {@link Keymap.Preset}.
 * Keys are written as {@link javafx.scene.input.KeyCombination} strings ("Shortcut" is Ctrl, or Cmd
 * on a Mac), several separated by {@code |}; a preset column left null takes the default keys. The
 * preset tables are in docs/keys.md.
 */
public enum Action {
  NEXT_IMAGE(Scope.LABELING, "D", "F", "Shortcut+Space"),
  PREVIOUS_IMAGE(Scope.LABELING, "A", "D", "Shortcut+Shift+Space"),
  SAVE(Scope.LABELING, "Shortcut+S", null, null),
  UNDO(Scope.LABELING, "Shortcut+Z", null, null),
  REDO(Scope.LABELING, "Shortcut+Y|Shortcut+Shift+Z", null, null),
  DELETE(Scope.LABELING, "Delete", null, "Delete"),
  COPY(Scope.LABELING, "Shortcut+C", null, null),
  PASTE(Scope.LABELING, "Shortcut+V", null, null),
  DUPLICATE(Scope.LABELING, "Shortcut+D", null, null),
  SELECT_ALL(Scope.LABELING, "Shortcut+A", null, null),
  NEXT_SHAPE(Scope.LABELING, "Tab", null, "Alt+Period"),
  PREVIOUS_SHAPE(Scope.LABELING, "Shift+Tab", null, "Alt+Comma"),
  TOGGLE_HIDE_ALL(Scope.LABELING, "H", null, "Shortcut+H"),
  CANCEL(Scope.LABELING, "Esc", null, null),
  TOOL_SELECT(Scope.LABELING, "S", null, "V"),
  TOOL_BOX(Scope.LABELING, "R", null, null),
  TOOL_POLYGON(Scope.LABELING, "P", null, null),
  TOOL_OBB(Scope.LABELING, "O", null, null),
  TOOL_KEYPOINTS(Scope.LABELING, "K", null, null),
  KEYPOINT_VISIBILITY(Scope.LABELING, "V", null, "Alt+V"),
  FLIP_POSE(Scope.LABELING, "M", null, null),
  CLASS_0(Scope.LABELING, "0", null, null),
  CLASS_1(Scope.LABELING, "1", null, null),
  CLASS_2(Scope.LABELING, "2", null, null),
  CLASS_3(Scope.LABELING, "3", null, null),
  CLASS_4(Scope.LABELING, "4", null, null),
  CLASS_5(Scope.LABELING, "5", null, null),
  CLASS_6(Scope.LABELING, "6", null, null),
  CLASS_7(Scope.LABELING, "7", null, null),
  CLASS_8(Scope.LABELING, "8", null, null),
  CLASS_9(Scope.LABELING, "9", null, null),
  PICK_CLASS(Scope.LABELING, "Shortcut+K", null, null),
  ZOOM_FIT(Scope.LABELING, "Shortcut+0", null, null),
  ZOOM_ACTUAL(Scope.LABELING, "Shortcut+1", null, null),
  ZOOM_IN(Scope.LABELING, "Shortcut+Equals|Shortcut+Add", null, null),
  ZOOM_OUT(Scope.LABELING, "Shortcut+Minus|Shortcut+Subtract", null, null),
  PRELABEL_IMAGE(Scope.LABELING, "Shortcut+L", null, null),
  NEXT_PREDICTION(Scope.LABELING, "N", null, null),
  ACCEPT_PREDICTION(Scope.LABELING, "Enter", null, null),
  ACCEPT_ALL_PREDICTIONS(Scope.LABELING, "Shift+Enter", null, "Shortcut+Enter"),
  REJECT_PREDICTION(Scope.LABELING, "Backspace", null, null),
  REJECT_BELOW_THRESHOLD(Scope.LABELING, "Shift+Backspace", null, null),
  HELP(Scope.LABELING, "F1|'?'", null, null),
  GRID_FIRST(Scope.WINDOW, "Shortcut+Home", null, null),
  GRID_LAST(Scope.WINDOW, "Shortcut+End", null, null);

  /** Where an action applies. */
  public enum Scope {
    /** While the labeling view is open. */
    LABELING,
    /** Anywhere in the main window outside the labeling view (the grid, the map). */
    WINDOW
  }

  private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.loupe.labeling.keys.actions");

  private final Scope scope;
  private final List<String> defaultKeys;
  private final List<String> cvatKeys;
  private final List<String> labelStudioKeys;

  Action(Scope scope, String defaultKeys, String cvatKeys, String labelStudioKeys) {
    this.scope = scope;
    this.defaultKeys = split(defaultKeys);
    this.cvatKeys = cvatKeys == null ? this.defaultKeys : split(cvatKeys);
    this.labelStudioKeys = labelStudioKeys == null ? this.defaultKeys : split(labelStudioKeys);
  }

  private static List<String> split(String keys) {
    return Arrays.stream(keys.split("\\|")).map(String::trim).toList();
  }

  /** What the action does, in the user's words. */
  public String description() {
    return TEXT.getString(name());
  }

  public Scope scope() {
    return scope;
  }

  List<String> keys(Keymap.Preset preset) {
    return switch (preset) {
      case CVAT -> cvatKeys;
      case LABEL_STUDIO -> labelStudioKeys;
      case DEFAULT -> defaultKeys;
    };
  }

  /** The class id a CLASS_n action picks (the number on the key, as class ids count from 0), or -1. */
  public int classIndex() {
    return name().startsWith("CLASS_") ? Integer.parseInt(name().substring(6)) : -1;
  }
}
