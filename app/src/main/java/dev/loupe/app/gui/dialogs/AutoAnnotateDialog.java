package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ModelCell;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.annotate.AnnotateResult;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.workspace.AnnotationRun;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Auto-annotate a dataset with a workspace model, or revert the last run in one step. */
public final class AutoAnnotateDialog {
  private AutoAnnotateDialog() {}

  public static boolean show(
      Window owner, AutoAnnotateViewModel model, BackgroundTasks tasks, Consumer<AnnotateResult> done,
      Runnable reverted) {
    Dialog<ButtonType> dialog = Forms.dialog(owner, Messages.text("annotate.title"), Messages.text("annotate.ok"));
    GridPane form = Forms.form();
    ComboBox<ModelRecord> models = new ComboBox<>();
    models.setId("annotate-model");
    models.getItems().setAll(model.models());
    models.setCellFactory(l -> new ModelCell());
    models.setButtonCell(new ModelCell());
    models.valueProperty().bindBidirectional(model.modelProperty());
    Forms.row(form, Messages.text("annotate.model"), models);
    ComboBox<AutoAnnotateViewModel.Scope> scope = new ComboBox<>();
    scope.setId("annotate-scope");
    scope.getItems().setAll(AutoAnnotateViewModel.Scope.values());
    scope.valueProperty().bindBidirectional(model.scopeProperty());
    Forms.row(form, Messages.text("annotate.images"), scope);
    Forms.row(form, Messages.text("annotate.conf"), threshold("annotate-conf", model.confProperty()));
    Forms.row(form, Messages.text("annotate.iou"), threshold("annotate-iou", model.iouProperty()));
    CheckBox add = new CheckBox(Messages.text("annotate.addClasses"));
    add.selectedProperty().bindBidirectional(model.addClassesProperty());
    Forms.row(form, "", add);
    Label hint = new Label(Messages.text("annotate.hint"));
    hint.getStyleClass().add("form-hint");
    VBox content = new VBox(8, form, hint, Forms.problemLine(model.problemProperty()));
    model.lastRevertible().ifPresent(run -> {
      Button revert = new Button(Messages.text("annotate.revert", run.imagesLabeled(), run.state()));
      revert.setId("annotate-revert");
      revert.setOnAction(e -> {
        model.revert(tasks, run, false, r -> {
          if (!r.refused()) {
            reverted.run();
            return;
          }
          // nothing changed: ask before losing the edits made since
          ButtonType anyway = new ButtonType(Messages.text("annotate.revertAnyway"), ButtonBar.ButtonData.OK_DONE);
          Alert ask = new Alert(Alert.AlertType.CONFIRMATION, AutoAnnotateViewModel.refusedMessage(r), anyway,
              ButtonType.CANCEL);
          ask.initOwner(owner);
          ask.setHeaderText(Messages.text("annotate.notReverted"));
          if (ask.showAndWait().orElse(ButtonType.CANCEL) == anyway) {
            model.revert(tasks, run, true, forced -> reverted.run());
          }
        });
        dialog.setResult(ButtonType.CANCEL);
        dialog.close();
      });
      content.getChildren().add(revert);
    });
    dialog.getDialogPane().setContent(content);
    Forms.okWhenNoProblem(dialog, model.problemProperty());
    boolean start = dialog.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    if (start) {
      model.start(tasks, done);
    }
    return start;
  }

  private static Spinner<Double> threshold(String id, DoubleProperty value) {
    Spinner<Double> spinner = new Spinner<>(0.01, 1.0, value.get(), 0.05);
    spinner.setId(id);
    spinner.setEditable(true);
    spinner.valueProperty().addListener((o, a, v) -> value.set(v == null ? -1 : v));
    return spinner;
  }
}
