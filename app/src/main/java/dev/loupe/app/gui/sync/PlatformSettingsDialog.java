package dev.loupe.app.gui.sync;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Platform settings: URL, API key (typed hidden, never shown back), test connection. */
public final class PlatformSettingsDialog {
  private PlatformSettingsDialog() {}

  public static void show(Window owner, PlatformSettingsViewModel model, BackgroundTasks tasks) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("platformSettings.title"));
    if (owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    TextField url = new TextField();
    url.setId("platform-url");
    url.textProperty().bindBidirectional(model.urlProperty());
    PasswordField key = new PasswordField();
    key.setId("platform-key");
    key.setPromptText(model.keyPrompt());
    key.textProperty().bindBidirectional(model.keyProperty());
    Button test = new Button(Messages.text("platformSettings.test"));
    test.setId("platform-test");
    test.disableProperty().bind(model.problemProperty().isNotEmpty());
    test.setOnAction(e -> model.testConnection(tasks));
    Label problem = new Label();
    problem.setId("platform-problem");
    problem.getStyleClass().add("problem");
    problem.textProperty().bind(model.problemProperty());
    Label connection = new Label();
    connection.setId("platform-connection");
    connection.setWrapText(true);
    connection.textProperty().bind(model.connectionProperty());
    GridPane form = new GridPane();
    form.setHgap(8);
    form.setVgap(8);
    form.addRow(0, new Label(Messages.text("platformSettings.url")), url);
    form.addRow(1, new Label(Messages.text("platformSettings.key")), key);
    url.setPrefColumnCount(36);
    dialog.getDialogPane().setContent(new VBox(10, form, test, connection, problem));
    dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(model.problemProperty().isNotEmpty());
    dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.save());
  }
}
