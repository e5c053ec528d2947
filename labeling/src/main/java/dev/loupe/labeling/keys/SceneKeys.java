package dev.loupe.labeling.keys;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * The window's keys, handled at the scene: one {@code KEY_PRESSED} filter on the {@link Scene} that
 * offers each press to the handlers of what is shown (the labeling view, the main window), the last
 * added first, before any control sees it. So a shortcut works wherever the focus is (Ctrl+Z right
 * after a toolbar button was clicked). A text field keeps its own typing keys: while one has the
 * focus, only function keys and Shortcut combinations that are not text editing reach the handlers.
 */
public final class SceneKeys {
  /** One part of the window that takes keys. */
  @FunctionalInterface
  public interface Handler {
    /** Handles a key press; true when it was used (the event is then consumed). */
    boolean keyPressed(KeyEvent event);
  }

  private final Scene scene;
  private final List<Handler> handlers = new CopyOnWriteArrayList<>();

  private SceneKeys(Scene scene) {
    this.scene = scene;
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
  }

  /** The scene's key handling, installed on first use. */
  public static SceneKeys of(Scene scene) {
    Object existing = scene.getProperties().get(SceneKeys.class);
    if (existing instanceof SceneKeys keys) {
      return keys;
    }
    SceneKeys keys = new SceneKeys(scene);
    scene.getProperties().put(SceneKeys.class, keys);
    return keys;
  }

  /** Adds a handler, asked before those added earlier; run the returned action to remove it. */
  public Runnable add(Handler handler) {
    handlers.add(0, handler);
    return () -> handlers.remove(handler);
  }

  private void pressed(KeyEvent event) {
    if (event.isConsumed() || keptByTextField(scene.getFocusOwner(), event)) {
      return;
    }
    for (Handler handler : handlers) {
      if (handler.keyPressed(event)) {
        event.consume();
        return;
      }
    }
  }

  /** Whether a key press belongs to the text field that has the focus (typing, editing, moving the caret). */
  static boolean keptByTextField(Node focus, KeyEvent event) {
    if (!(focus instanceof TextInputControl) || event.getCode().isFunctionKey()) {
      return false;
    }
    if (!event.isShortcutDown()) {
      return true;
    }
    return switch (event.getCode()) {
      case Z, Y, X, C, V, A, LEFT, RIGHT, UP, DOWN, HOME, END, BACK_SPACE, DELETE -> true;
      default -> false;
    };
  }
}
