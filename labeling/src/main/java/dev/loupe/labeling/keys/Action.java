package dev.loupe.labeling.keys;

import java.util.List;
import java.util.ResourceBundle;

/**
 * The catalogue of labeling actions: each has a description (in the {@code actions} resource
 * bundle) and default keys in the two presets. Keys are written as {@link
 * javafx.scene.input.KeyCombination} strings ("Shortcut" is Ctrl, or Cmd on a Mac).
 */
public enum Action {
  NEXT_IMAGE(List.of("D"), List.of("F")),
  PREVIOUS_IMAGE(List.of("A"), List.of("D")),
  SAVE(List.of("Shortcut+S"), List.of("Shortcut+S")),
  UNDO(List.of("Shortcut+Z"), List.of("Shortcut+Z")),
  REDO(List.of("Shortcut+Y", "Shortcut+Shift+Z"), List.of("Shortcut+Y", "Shortcut+Shift+Z")),
  DELETE(List.of("Delete"), List.of("Delete")),
  COPY(List.of("Shortcut+C"), List.of("Shortcut+C")),
  PASTE(List.of("Shortcut+V"), List.of("Shortcut+V")),
  DUPLICATE(List.of("Shortcut+D"), List.of("Shortcut+D")),
  SELECT_ALL(List.of("Shortcut+A"), List.of("Shortcut+A")),
  NEXT_SHAPE(List.of("Tab"), List.of("Tab")),
  PREVIOUS_SHAPE(List.of("Shift+Tab"), List.of("Shift+Tab")),
  TOGGLE_HIDE_ALL(List.of("H"), List.of("H")),
  CANCEL(List.of("Esc"), List.of("Esc")),
  TOOL_SELECT(List.of("S"), List.of("S")),
  TOOL_BOX(List.of("R"), List.of("R")),
  TOOL_POLYGON(List.of("P"), List.of("P")),
  TOOL_OBB(List.of("O"), List.of("O")),
  TOOL_KEYPOINTS(List.of("K"), List.of("K")),
  KEYPOINT_VISIBILITY(List.of("V"), List.of("V")),
  FLIP_POSE(List.of("M"), List.of("M")),
  CLASS_1(List.of("1"), List.of("1")),
  CLASS_2(List.of("2"), List.of("2")),
  CLASS_3(List.of("3"), List.of("3")),
  CLASS_4(List.of("4"), List.of("4")),
  CLASS_5(List.of("5"), List.of("5")),
  CLASS_6(List.of("6"), List.of("6")),
  CLASS_7(List.of("7"), List.of("7")),
  CLASS_8(List.of("8"), List.of("8")),
  CLASS_9(List.of("9"), List.of("9")),
  ZOOM_FIT(List.of("Shortcut+0"), List.of("Shortcut+0")),
  ZOOM_ACTUAL(List.of("Shortcut+1"), List.of("Shortcut+1")),
  ZOOM_IN(List.of("Shortcut+Equals", "Shortcut+Add"), List.of("Shortcut+Equals", "Shortcut+Add")),
  ZOOM_OUT(List.of("Shortcut+Minus", "Shortcut+Subtract"), List.of("Shortcut+Minus", "Shortcut+Subtract")),
  PRELABEL_IMAGE(List.of("Shortcut+L"), List.of("Shortcut+L")),
  HELP(List.of("F1", "'?'"), List.of("F1", "'?'"));

  private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.loupe.labeling.keys.actions");

  private final List<String> defaultKeys;
  private final List<String> cvatKeys;

  Action(List<String> defaultKeys, List<String> cvatKeys) {
    this.defaultKeys = defaultKeys;
    this.cvatKeys = cvatKeys;
  }

  /** What the action does, in the user's words. */
  public String description() {
    return TEXT.getString(name());
  }

  List<String> keys(Keymap.Preset preset) {
    return preset == Keymap.Preset.CVAT ? cvatKeys : defaultKeys;
  }

  /** The class index (0-based) a CLASS_n action picks, or -1. */
  public int classIndex() {
    return name().startsWith("CLASS_") ? Integer.parseInt(name().substring(6)) - 1 : -1;
  }
}
