package dev.loupe.labeling;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The dataset's classes with their colours and ids (the keys 0-9 pick the first ten: the id is the
 * number on the key, as shown everywhere), searchable ({@link ClassPicker}). Picking one makes it the
 * class of new labels (and of the selected ones: the view decides).
 */
final class ClassPanel extends VBox {
  private final ClassPicker picker;

  ClassPanel(List<String> classNames, ClassPalette palette, IntConsumer picked) {
    picker = new ClassPicker(classNames, palette);
    picker.setId("class-panel");
    picker.setOnPick(picked);
    VBox.setVgrow(picker, Priority.ALWAYS);
    getChildren().add(new javafx.scene.control.Label(Messages.text("classPanel.title")));
    getChildren().add(picker);
    setSpacing(4);
    setPadding(new Insets(6));
  }

  /** Shows the current class without firing the pick. */
  void showCurrent(int classId) {
    picker.highlight(classId);
  }

  /** Puts the focus in the search field (Ctrl+K), its text selected. */
  void search() {
    picker.filterField().requestFocus();
    picker.filterField().selectAll();
  }

  /** Clears the search (after a pick, so the whole list shows again). */
  void clearSearch() {
    picker.filterField().clear();
  }
}
