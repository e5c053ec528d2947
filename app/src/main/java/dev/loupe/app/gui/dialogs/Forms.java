package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/** What the dialogs share: a two-column form, the problem line, an OK button that waits for it. */
final class Forms {
  private Forms() {}

  /** A dialog owned by {@code owner} with the theme's style sheet and OK / Cancel. */
  static <R> Dialog<R> dialog(Window owner, String title, String okText) {
    Dialog<R> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(title);
    dialog.setHeaderText(null);
    dialog.getDialogPane().getStyleClass().add("loupe-dialog");
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    ButtonType ok = new ButtonType(okText, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(ok).setId("dialog-ok");
    return dialog;
  }

  /** Disables OK while {@code problem} is set. */
  static void okWhenNoProblem(Dialog<?> dialog, ObservableStringValue problem) {
    ButtonType ok = dialog.getDialogPane().getButtonTypes().get(0);
    dialog.getDialogPane().lookupButton(ok).disableProperty().bind(javafx.beans.binding.Bindings.isNotNull(problem));
  }

  static GridPane form() {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    grid.setPadding(new Insets(8, 4, 8, 4));
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(110);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setMinWidth(320);
    grid.getColumnConstraints().addAll(labels, fields);
    return grid;
  }

  static void row(GridPane grid, String label, Node field) {
    int r = grid.getRowCount();
    Label l = new Label(label);
    l.getStyleClass().add("form-label");
    grid.add(l, 0, r);
    grid.add(field, 1, r);
  }

  /** The line that says why OK is disabled. */
  static Label problemLine(ObservableStringValue problem) {
    Label label = new Label();
    label.setId("dialog-problem");
    label.getStyleClass().add("form-problem");
    label.textProperty().bind(problem);
    label.setWrapText(true);
    return label;
  }

  /** A path field the user can type into, bound to {@code path}, with browse buttons after it. */
  static javafx.scene.layout.HBox pathField(String id, ObjectProperty<Path> path, Button... browse) {
    TextField field = new TextField();
    field.setId(id);
    field.setPromptText(Messages.text("forms.path.prompt"));
    if (path.get() != null) {
      field.setText(path.get().toString());
    }
    field.textProperty().addListener((o, a, text) -> path.set(text.isBlank() ? null : Path.of(text.strip())));
    path.addListener((o, a, p) -> {
      String text = p == null ? "" : p.toString();
      if (!text.equals(field.getText().strip())) {
        field.setText(text);
      }
    });
    javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(6, field);
    box.getChildren().addAll(browse);
    javafx.scene.layout.HBox.setHgrow(field, Priority.ALWAYS);
    return box;
  }
}
