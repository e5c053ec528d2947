package dev.loupe.labeling.model;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Unlimited undo and redo of one image's edits. {@link #canUndoProperty()} and {@link
 * #canRedoProperty()} are for binding the actions' disabled state. Used from the FX thread.
 */
public final class History {
  private final LabelDocument document;
  private final Deque<Edit> undo = new ArrayDeque<>();
  private final Deque<Edit> redo = new ArrayDeque<>();
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);

  public History(LabelDocument document) {
    this.document = document;
  }

  public LabelDocument document() {
    return document;
  }

  /** Applies an edit and makes it the next one to undo; the redo list is dropped. */
  public void perform(Edit edit) {
    document.batch(() -> edit.apply(document));
    undo.push(edit);
    redo.clear();
    update();
  }

  /** Undoes the last edit; returns it, or null when there was none. */
  public Edit undo() {
    Edit edit = undo.poll();
    if (edit != null) {
      document.batch(() -> edit.revert(document));
      redo.push(edit);
      update();
    }
    return edit;
  }

  /** Redoes the last undone edit; returns it, or null when there was none. */
  public Edit redo() {
    Edit edit = redo.poll();
    if (edit != null) {
      document.batch(() -> edit.apply(document));
      undo.push(edit);
      update();
    }
    return edit;
  }

  public int undoCount() {
    return undo.size();
  }

  public int redoCount() {
    return redo.size();
  }

  /** The name of the edit Undo would revert, or null. */
  public String undoName() {
    Edit edit = undo.peek();
    return edit == null ? null : edit.name();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  private void update() {
    canUndo.set(!undo.isEmpty());
    canRedo.set(!redo.isEmpty());
  }
}
