package dev.loupe.labeling;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The dataset's classes with their colours and keys (0-9: the class id, as shown everywhere). Picking one makes it the class of new
 * labels (and of the selected ones: the view decides).
 */
final class ClassPanel extends VBox {
  private final ListView<String> list = new ListView<>();
  private boolean updating;

  ClassPanel(List<String> classNames, ClassPalette palette, IntConsumer picked) {
    list.getItems().setAll(classNames);
    list.setId("class-list");
    list.setPrefHeight(Math.min(320, 26 * Math.max(3, classNames.size()) + 4));
    list.setFocusTraversable(false);
    list.setCellFactory(
        view ->
            new ListCell<>() {
              @Override
              protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                if (empty || name == null) {
                  setText(null);
                  setGraphic(null);
                  return;
                }
                int index = getIndex();
                setText((index < 10 ? index + "  " : index + " ") + name);
                setGraphic(new Rectangle(12, 12, palette.colorOf(index)));
              }
            });
    list.getSelectionModel().selectedIndexProperty().addListener(
        (obs, old, now) -> {
          if (!updating && now.intValue() >= 0) {
            picked.accept(now.intValue());
          }
        });
    getChildren().add(new javafx.scene.control.Label("Classes"));
    getChildren().add(list);
    setSpacing(4);
    setPadding(new Insets(6));
  }

  /** Shows the current class without firing the pick. */
  void showCurrent(int classId) {
    updating = true;
    try {
      list.getSelectionModel().select(classId);
    } finally {
      updating = false;
    }
  }
}
