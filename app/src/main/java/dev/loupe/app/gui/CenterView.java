package dev.loupe.app.gui;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The views the workbench's centre can show, in toolbar order. The n-th is also Ctrl+n (Cmd+n on a
 * Mac). A new view is one more entry here and its node in {@link MainWindow}.
 */
public enum CenterView {
  GRID("Grid", "Thumbnails of the dataset's images"),
  STATISTICS("Statistics", "Class distribution, heatmaps and histograms of the dataset"),
  MAP("Map", "Every image as a point laid out by similarity (UMAP): select, find similar, duplicates"),
  TRAINING("Training", "Train YOLO models on the dataset with the ultralytics CLI: runs, live charts, console");

  private final String title;
  private final String description;

  CenterView(String title, String description) {
    this.title = title;
    this.description = description;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
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
