package dev.loupe.app.gui.grid;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * A grid tile's context menu: open it, find the images similar to it, copy its hash, and move to a
 * split or delete the selection it belongs to (the grid selects a tile before its menu shows).
 */
final class TileMenu {
  private final DatasetViewModel model;
  private final Runnable confirmDelete;

  /** {@code confirmDelete} asks before deleting the selection (and deletes it). */
  TileMenu(DatasetViewModel model, Runnable confirmDelete) {
    this.model = model;
    this.confirmDelete = confirmDelete;
  }

  /** The menu of the tile at grid position {@code index}; null while its record is on its way. */
  ContextMenu at(int index) {
    ImageRecord record = model.record(index);
    if (record == null) {
      return null;
    }
    int selected = model.selection().count();
    MenuItem open = item("tile-open", Messages.text("grid.menu.open"), () -> model.openAt(index));
    MenuItem similar = item("find-similar-tile", Messages.text("grid.menu.findSimilar"), () -> model.findSimilarAt(index));
    Menu move = new Menu(Messages.text("grid.menu.moveTo", selected));
    move.setId("tile-move");
    for (Split s : Split.values()) {
      MenuItem to = item("tile-move-" + s.apiName(), Messages.text("split." + s.apiName()), () -> model.moveSelectedTo(s));
      to.setDisable(selected == 1 && record.split() == s);
      move.getItems().add(to);
    }
    MenuItem copy = item("tile-copy-hash", Messages.text("grid.menu.copyHash"), () -> copy(record.hash()));
    MenuItem delete = item("tile-delete", Messages.text("grid.menu.delete", selected), confirmDelete);
    return new ContextMenu(open, similar, new SeparatorMenuItem(), move, copy, new SeparatorMenuItem(), delete);
  }

  private static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  private static MenuItem item(String id, String text, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setOnAction(e -> action.run());
    return item;
  }
}
