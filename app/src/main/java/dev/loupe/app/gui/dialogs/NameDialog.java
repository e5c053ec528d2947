package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a name (a new project, a new name for a dataset or a model); OK waits for one. */
public final class NameDialog {
  private NameDialog() {}

  /** The name typed, stripped; empty when cancelled. */
  public static Optional<String> ask(Window owner, String title, String okText, String initial) {
    Dialog<String> dialog = Forms.dialog(owner, title, okText);
    TextField name = new TextField(initial == null ? "" : initial);
    name.setId("name-field");
    name.setPrefColumnCount(28);
    GridPane form = Forms.form();
    Forms.row(form, Messages.text("dialog.name"), name);
    dialog.getDialogPane().setContent(form);
    dialog.getDialogPane().lookupButton(dialog.getDialogPane().getButtonTypes().get(0)).disableProperty()
        .bind(Bindings.createBooleanBinding(() -> name.getText().isBlank()
            || name.getText().strip().equals(initial), name.textProperty()));
    dialog.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? name.getText().strip() : null);
    dialog.setOnShown(e -> {
      name.requestFocus();
      name.selectAll();
    });
    return dialog.showAndWait();
  }
}
