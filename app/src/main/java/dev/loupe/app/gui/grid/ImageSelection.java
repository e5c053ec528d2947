package dev.loupe.app.gui.grid;

import java.util.BitSet;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Which grid positions are selected, as a file manager does it: a click selects one, Ctrl+click
 * toggles one, Shift+click selects the range from the anchor, Ctrl+A selects every image that
 * matches. Positions, not records: selecting a million images costs a 125 KB bit set.
 */
public final class ImageSelection {
  private final BitSet selected = new BitSet();
  private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(0);
  private final ReadOnlyIntegerWrapper focus = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyIntegerWrapper changes = new ReadOnlyIntegerWrapper(0);
  private int anchor = -1;
  private int size;

  /** How many positions there are (the query's total); clears what lies beyond. */
  public void setSize(int newSize) {
    size = newSize;
    if (selected.length() > size) {
      selected.clear(size, selected.length());
    }
    if (focus.get() >= size) {
      focus.set(size - 1);
    }
    changed();
  }

  public int size() {
    return size;
  }

  /** A plain click: only {@code index}. */
  public void select(int index) {
    selected.clear();
    selected.set(index);
    anchor = index;
    focus.set(index);
    changed();
  }

  /** Ctrl+click: adds or removes {@code index}. */
  public void toggle(int index) {
    selected.flip(index);
    anchor = index;
    focus.set(index);
    changed();
  }

  /** Shift+click: the range from the anchor to {@code index} (adds to the selection with Ctrl). */
  public void extendTo(int index, boolean keepOthers) {
    int from = anchor < 0 ? index : anchor;
    if (!keepOthers) {
      selected.clear();
    }
    selected.set(Math.min(from, index), Math.max(from, index) + 1);
    focus.set(index);
    changed();
  }

  /** Ctrl+A. */
  public void selectAll() {
    selected.set(0, size);
    changed();
  }

  public void clear() {
    selected.clear();
    anchor = -1;
    changed();
  }

  /** Moves the keyboard focus without changing the selection. */
  public void focus(int index) {
    focus.set(Math.max(-1, Math.min(index, size - 1)));
  }

  public boolean isSelected(int index) {
    return selected.get(index);
  }

  /** The selected positions, ascending (a copy). */
  public BitSet positions() {
    return (BitSet) selected.clone();
  }

  public ReadOnlyIntegerProperty countProperty() {
    return count.getReadOnlyProperty();
  }

  public int count() {
    return count.get();
  }

  /** The position the keyboard works on (Enter opens it); -1 when none. */
  public ReadOnlyIntegerProperty focusProperty() {
    return focus.getReadOnlyProperty();
  }

  /** Bumped by every change, so the grid repaints its selection marks. */
  public ReadOnlyIntegerProperty changesProperty() {
    return changes.getReadOnlyProperty();
  }

  private void changed() {
    count.set(selected.cardinality());
    changes.set(changes.get() + 1);
  }
}
