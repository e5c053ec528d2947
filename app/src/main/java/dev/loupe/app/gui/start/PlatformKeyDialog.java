package dev.loupe.app.gui.start;

import dev.loupe.app.gui.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Connect to the platform: paste an API key ({@code ul_...}); it is stored for this user only. */
public final class PlatformKeyDialog {
  private PlatformKeyDialog() {}

  /** Asks for a key and stores it; returns whether one was stored. */
  public static boolean show(Window owner, StartViewModel model) {
    Dialog<String> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("platform.title"));
    dialog.setHeaderText(null);
    dialog.getDialogPane().setId("platform-dialog");
    dialog.getDialogPane().getStyleClass().add("loupe-dialog");
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    ButtonType save = new ButtonType(Messages.text("platform.save"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(save, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(save).setId("dialog-ok");
    PasswordField key = new PasswordField();
    key.setId("platform-key");
    key.setPromptText(Messages.text("platform.key.prompt"));
    key.setPrefColumnCount(36);
    Label status = new Label();
    status.setId("platform-status");
    status.getStyleClass().add("form-hint");
    status.textProperty().bind(model.platformProperty());
    status.setWrapText(true);
    Label hint = new Label(Messages.text("platform.hint"));
    hint.getStyleClass().add("form-hint");
    hint.setWrapText(true);
    Label problem = new Label();
    problem.setId("dialog-problem");
    problem.getStyleClass().add("form-problem");
    var why = Bindings.createStringBinding(() -> model.canStoreKey()
        ? StartViewModel.keyProblem(key.getText()) : Messages.text("platform.key.noStore"), key.textProperty());
    problem.textProperty().bind(why);
    dialog.getDialogPane().lookupButton(save).disableProperty().bind(why.isNotNull());
    VBox content = new VBox(8, status, key, hint, problem);
    content.setPadding(new Insets(4));
    content.setPrefWidth(460);
    dialog.getDialogPane().setContent(content);
    dialog.setResultConverter(b -> b == save ? key.getText() : null);
    dialog.setOnShown(e -> key.requestFocus());
    return dialog.showAndWait().map(text -> {
      try {
        model.storeKey(text);
        return true;
      } catch (RuntimeException e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
        alert.initOwner(owner);
        alert.showAndWait();
        return false;
      }
    }).orElse(false);
  }
}
