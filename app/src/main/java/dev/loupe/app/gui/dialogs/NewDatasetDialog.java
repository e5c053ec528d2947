package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ShownAs;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.Workspace;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** New dataset: name, task, classes, and the keypoint shape of a pose dataset. */
public final class NewDatasetDialog {
  private NewDatasetDialog() {}

  public static Optional<Dataset> show(Window owner, Workspace workspace) {
    NewDatasetViewModel model = new NewDatasetViewModel();
    Dialog<Dataset> dialog = Forms.dialog(owner, Messages.text("newDataset.title"), Messages.text("newDataset.ok"));
    TextField name = new TextField();
    name.setId("dataset-name");
    name.textProperty().bindBidirectional(model.nameProperty());
    ComboBox<Task> task = new ComboBox<>();
    task.setId("dataset-task");
    task.getItems().setAll(Task.DETECT, Task.SEGMENT, Task.POSE, Task.OBB, Task.CLASSIFY);
    task.valueProperty().bindBidirectional(model.taskProperty());
    task.setConverter(ShownAs.text(Task::apiName)); // the task's name as Ultralytics writes it, shown so everywhere
    TextArea classes = new TextArea();
    classes.setId("dataset-classes");
    classes.setPromptText(Messages.text("newDataset.classes.prompt"));
    classes.setPrefRowCount(6);
    classes.textProperty().bindBidirectional(model.classesProperty());
    Spinner<Integer> keypoints = new Spinner<>(1, 200, 17);
    keypoints.setEditable(true);
    keypoints.valueProperty().addListener((o, a, v) -> model.keypointsProperty().set(v));
    ComboBox<Integer> dims = new ComboBox<>();
    dims.getItems().setAll(2, 3);
    dims.setValue(3);
    dims.valueProperty().addListener((o, a, v) -> model.dimsProperty().set(v == null ? 0 : v));
    HBox shape = new HBox(8, keypoints, new javafx.scene.control.Label(Messages.text("newDataset.keypoints.count")), dims,
        new javafx.scene.control.Label(Messages.text("newDataset.keypoints.values")));
    shape.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    shape.disableProperty().bind(model.taskProperty().isNotEqualTo(Task.POSE));

    GridPane form = Forms.form();
    Forms.row(form, Messages.text("newDataset.name"), name);
    Forms.row(form, Messages.text("newDataset.task"), task);
    Forms.row(form, Messages.text("newDataset.classes"), classes);
    Forms.row(form, Messages.text("newDataset.keypoints"), shape);
    dialog.getDialogPane().setContent(new VBox(8, form, Forms.problemLine(model.problemProperty())));
    Forms.okWhenNoProblem(dialog, model.problemProperty());
    dialog.setResultConverter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE ? model.create(workspace) : null);
    name.requestFocus();
    return dialog.showAndWait();
  }
}
