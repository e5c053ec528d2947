package dev.loupe.labeling.canvas;

import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * One way of using the mouse on the canvas (select and edit, draw a box, ...). A tool shows its
 * work in progress on the overlay and hands finished work to the canvas as one {@link
 * dev.loupe.labeling.model.Edit}. Coordinates in events are view pixels.
 */
interface Tool {
  default void pressed(MouseEvent e) {}

  default void dragged(MouseEvent e) {}

  default void released(MouseEvent e) {}

  default void moved(MouseEvent e) {}

  default void clicked(MouseEvent e) {}

  /** A key for the tool itself (Enter closes a polygon); true when the tool used it. */
  default boolean keyPressed(KeyEvent e) {
    return false;
  }

  /** Drops the work in progress; true when there was some. */
  default boolean cancel() {
    return false;
  }

  /** Draws the work in progress. */
  default void drawOverlay(GraphicsContext gc) {}

  /** A line for the status bar: what the tool expects next. */
  default String hint() {
    return "";
  }

  default Cursor cursor() {
    return Cursor.CROSSHAIR;
  }
}
