package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Export a dataset or a version: format and target (a folder, a .zip, or a .ndjson file). */
public final class ExportDialog {
  private ExportDialog() {}

  public static boolean show(Window owner, ExportViewModel model, BackgroundTasks tasks, Consumer<Long> done) {
    Dialog<ButtonType> dialog = Forms.dialog(owner, Messages.text("export.title", model.what()), Messages.text("export.ok"));
    ComboBox<String> format = new ComboBox<>();
    format.setId("export-format");
    format.getItems().setAll(model.formats());
    format.valueProperty().bindBidirectional(model.formatProperty());
    Button folder = new Button(Messages.text("forms.browse.folder"));
    folder.setOnAction(e -> {
      File f = new DirectoryChooser().showDialog(dialog.getDialogPane().getScene().getWindow());
      if (f != null) {
        model.targetProperty().set(f.toPath().resolve(model.what().replaceAll("[^A-Za-z0-9._-]+", "-")));
      }
    });
    Button file = new Button(Messages.text("forms.browse.file"));
    file.setOnAction(e -> {
      FileChooser chooser = new FileChooser();
      chooser.setInitialFileName(model.what().replaceAll("[^A-Za-z0-9._-]+", "-")
          + ("ndjson".equals(model.formatProperty().get()) ? ".ndjson" : ".zip"));
      File f = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
      if (f != null) {
        model.targetProperty().set(f.toPath());
      }
    });
    GridPane form = Forms.form();
    Forms.row(form, Messages.text("export.format"), format);
    Forms.row(form, Messages.text("export.target"), Forms.pathField("export-target", model.targetProperty(), folder, file));
    Label hint = new Label(Messages.text("export.hint"));
    hint.getStyleClass().add("form-hint");
    dialog.getDialogPane().setContent(new VBox(8, form, hint, Forms.problemLine(model.problemProperty())));
    Forms.okWhenNoProblem(dialog, model.problemProperty());
    boolean start = dialog.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    if (start) {
      Path target = model.targetProperty().get();
      model.start(tasks, n -> {
        ExportDone.show(owner, model.what(), target, n);
        done.accept(n);
      });
    }
    return start;
  }
}
