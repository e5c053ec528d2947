package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ShownAs;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.Formats;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.Workspace;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Import: a folder, a file (data.yaml, NDJSON, COCO JSON) or an archive, into a new dataset or an
 * existing one. The import runs in the background (the status bar shows it); when it ends, a summary
 * says what was imported and what was skipped and why.
 */
public final class ImportDialog {
  private ImportDialog() {}

  /** Shows the dialog; on Import starts the work and returns true. */
  public static boolean show(Window owner, ImportViewModel model, List<Dataset> datasets, BackgroundTasks tasks,
      Consumer<ImportResult> imported) {
    Dialog<ButtonType> dialog = Forms.dialog(owner, Messages.text("import.title"), Messages.text("import.ok"));
    Button folder = new Button(Messages.text("forms.browse.folder"));
    folder.setOnAction(e -> {
      File f = new DirectoryChooser().showDialog(dialog.getDialogPane().getScene().getWindow());
      if (f != null) {
        model.sourceProperty().set(f.toPath());
      }
    });
    Button file = new Button(Messages.text("forms.browse.file"));
    file.setOnAction(e -> {
      FileChooser chooser = new FileChooser();
      chooser.getExtensionFilters().addAll(
          new FileChooser.ExtensionFilter(Messages.text("import.filter.datasets"), "*.zip", "*.tar", "*.tar.gz", "*.tgz", "*.yaml",
              "*.yml", "*.ndjson", "*.json"),
          new FileChooser.ExtensionFilter(Messages.text("import.filter.all"), "*.*"));
      File f = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
      if (f != null) {
        model.sourceProperty().set(f.toPath());
      }
    });
    ComboBox<String> format = new ComboBox<>();
    format.setId("import-format");
    format.getItems().add(ImportViewModel.DETECT);
    format.getItems().addAll(Formats.READABLE);
    format.setConverter(ShownAs.text(f -> ImportViewModel.DETECT.equals(f) ? Messages.text("import.format.detect") : f));
    format.valueProperty().bindBidirectional(model.formatProperty());
    ComboBox<Task> task = new ComboBox<>();
    task.getItems().add(null);
    task.getItems().addAll(Task.DETECT, Task.SEGMENT, Task.POSE, Task.OBB, Task.CLASSIFY);
    task.setConverter(ShownAs.text(Task::apiName, Messages.text("import.task.asRead")));
    task.valueProperty().bindBidirectional(model.taskProperty());
    ComboBox<Dataset> into = new ComboBox<>();
    into.setId("import-into");
    into.getItems().add(null);
    into.getItems().addAll(datasets);
    into.setConverter(ShownAs.text(Dataset::name, Messages.text("import.into.new")));
    into.valueProperty().bindBidirectional(model.intoProperty());
    into.setValue(null);
    TextField name = new TextField();
    name.setId("import-name");
    name.setPromptText(Messages.text("import.name.prompt"));
    name.textProperty().bindBidirectional(model.nameProperty());
    name.disableProperty().bind(model.intoProperty().isNotNull());

    GridPane form = Forms.form();
    Forms.row(form, Messages.text("import.from"), Forms.pathField("import-source", model.sourceProperty(), folder, file));
    Forms.row(form, Messages.text("import.format"), format);
    Forms.row(form, Messages.text("import.task"), task);
    Forms.row(form, Messages.text("import.into"), into);
    Forms.row(form, Messages.text("import.name"), name);
    dialog.getDialogPane().setContent(new VBox(8, form, Forms.problemLine(model.problemProperty())));
    Forms.okWhenNoProblem(dialog, model.problemProperty());
    boolean start = dialog.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    if (start) {
      model.start(tasks, result -> {
        imported.accept(result);
        showSummary(owner, result);
      });
    }
    return start;
  }

  /** What the import did: counts, and each kind of problem with examples. */
  public static void showSummary(Window owner, ImportResult result) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle(Messages.text("import.done.title"));
    alert.setHeaderText(Messages.text("import.done.header", result.dataset().name()));
    if (owner != null && owner.getScene() != null) {
      alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    TextArea text = new TextArea(String.join("\n", ImportViewModel.summary(result)));
    text.setId("import-summary");
    text.setEditable(false);
    text.setWrapText(false);
    text.setPrefRowCount(10);
    text.setPrefColumnCount(70);
    alert.getDialogPane().setContent(text);
    alert.show();
  }
}
