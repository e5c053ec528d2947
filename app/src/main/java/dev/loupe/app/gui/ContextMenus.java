package dev.loupe.app.gui;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Shows a node's context menu on a secondary-button press and on the keyboard's menu key. Not
 * through {@code ContextMenuEvent} alone: a press is what every platform (and a headless test robot)
 * delivers, while the synthesized menu request is not sent everywhere. The menu is made when it
 * opens, so it shows the node's current state.
 */
public final class ContextMenus {
  private ContextMenus() {}

  /** Opens {@code menu}'s result (null: no menu) at the pointer, or beside {@code node} from the keyboard. */
  public static void attach(Node node, Supplier<ContextMenu> menu) {
    ContextMenu[] shown = new ContextMenu[1];
    node.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getButton() == MouseButton.SECONDARY) {
        shown[0] = show(shown[0], menu.get(), node, e.getScreenX(), e.getScreenY());
      }
    });
    node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
      if (e.isKeyboardTrigger()) {
        shown[0] = show(shown[0], menu.get(), node, e.getScreenX(), e.getScreenY());
      }
      e.consume();
    });
  }

  private static ContextMenu show(ContextMenu old, ContextMenu next, Node node, double x, double y) {
    if (old != null) {
      old.hide();
    }
    if (next != null) {
      next.show(node, x, y);
    }
    return next;
  }
}
