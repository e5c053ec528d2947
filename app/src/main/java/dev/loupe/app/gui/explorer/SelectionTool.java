package dev.loupe.app.gui.explorer;

/** What a plain drag on the map does; Shift+drag always draws a rectangle. */
public enum SelectionTool {
  PAN,
  RECTANGLE,
  LASSO
}
