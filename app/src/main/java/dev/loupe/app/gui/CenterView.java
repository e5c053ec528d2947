package dev.loupe.app.gui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The views the workbench's centre can show, in toolbar order. The n-th is also Ctrl+n (Cmd+n on a
 * Mac). A new view is one more entry here and its node in {@link MainWindow}.
 */
public enum CenterView {
  GRID,
  STATISTICS,
  MAP,
  TRAINING;

  /** The key of the view's name in the messages ({@code view.grid}); its description is {@code key() + ".tip"}. */
  public String key() {
    return "view." + name().toLowerCase(java.util.Locale.ROOT);
  }

  public String title() {
    return Messages.text(key());
  }

  public String description() {
    return Messages.text(key() + ".tip");
  }

  /** The node id of the view's toolbar button ("view-statistics"). */
  public String buttonId() {
    return "view-" + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Ctrl+1 for the first view, Ctrl+2 for the second, ... */
  public KeyCombination accelerator() {
    return new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (ordinal() + 1)), KeyCombination.SHORTCUT_DOWN);
  }
}
