package dev.loupe.app.gui.classes;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.classes.ClassManagerViewModel.ClassRow;
import dev.loupe.labeling.ClassPicker;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The class manager: the classes with their colours; add, rename, merge, delete. */
public final class ClassManagerDialog {
  private ClassManagerDialog() {}

  public static void show(Window owner, ClassManagerViewModel model, Runnable changed) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("classes.title", model.datasetProperty().get().name()));
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    ListView<ClassRow> list = new ListView<>(model.rows());
    list.setId("class-list");
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(v -> new RowCell(model));
    list.setPlaceholder(new Label(Messages.text("classes.placeholder")));
    list.setPrefHeight(320);

    TextField name = new TextField();
    name.setId("new-class-name");
    name.setPromptText(Messages.text("classes.new.prompt"));
    Button add = new Button(Messages.text("classes.add"));
    add.setId("add-class");
    add.getStyleClass().add("accent");
    add.setDefaultButton(true);
    add.setOnAction(e -> {
      if (model.add(name.getText())) {
        name.clear();
        changed.run();
      }
    });
    var none = list.getSelectionModel().selectedItemProperty().isNull();
    Button rename = new Button(Messages.text("classes.rename"));
    rename.disableProperty().bind(none);
    rename.setOnAction(e -> {
      ClassRow row = list.getSelectionModel().getSelectedItem();
      TextInputDialog ask = new TextInputDialog(row.name());
      ask.initOwner(dialog.getDialogPane().getScene().getWindow());
      ask.setHeaderText(Messages.text("classes.rename.header", row.id()));
      ask.showAndWait().ifPresent(n -> {
        if (model.rename(row.id(), n)) {
          changed.run();
        }
      });
    });
    Button merge = new Button(Messages.text("classes.merge"));
    merge.disableProperty().bind(none);
    merge.setOnAction(e -> {
      List<Integer> sources = list.getSelectionModel().getSelectedItems().stream().map(ClassRow::id).toList();
      List<Integer> targets = model.rows().stream().map(ClassRow::id).filter(id -> !sources.contains(id)).toList();
      if (targets.isEmpty()) {
        return;
      }
      ClassPicker.choose(dialog.getDialogPane().getScene().getWindow(),
              Messages.text("classes.merge.prompt", sources.size()),
              model.rows().stream().map(ClassRow::name).toList(), targets, dialog.getDialogPane().getStylesheets())
          .ifPresent(target -> model.merge(sources, target, changed));
    });
    Button delete = new Button(Messages.text("classes.delete"));
    delete.getStyleClass().add("danger");
    delete.disableProperty().bind(none);
    delete.setOnAction(e -> {
      ClassRow row = list.getSelectionModel().getSelectedItem();
      Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
          Messages.text("classes.delete.confirm", row.name()),
          ButtonType.OK, ButtonType.CANCEL);
      confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
      confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(row.id(), changed));
    });
    HBox.setHgrow(name, Priority.ALWAYS);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label problem = new Label();
    problem.getStyleClass().add("form-problem");
    problem.textProperty().bind(model.problemProperty());
    VBox content = new VBox(10, list, new HBox(8, name, add), new HBox(8, rename, merge, spacer, delete), problem);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().setPrefWidth(480);
    dialog.showAndWait();
  }

  /** A class: its colour (a picker), id and name. */
  private static final class RowCell extends ListCell<ClassRow> {
    private final ClassManagerViewModel model;
    private final ColorPicker picker = new ColorPicker();
    private final Label id = new Label();
    private final Label name = new Label();
    private final HBox box = new HBox(10, picker, id, name);

    RowCell(ClassManagerViewModel model) {
      this.model = model;
      picker.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
      picker.setPrefWidth(48);
      id.getStyleClass().add("class-id");
      id.setMinWidth(28);
      box.setAlignment(Pos.CENTER_LEFT);
      picker.setOnAction(e -> {
        if (getItem() != null && !picker.getValue().equals(getItem().color())) {
          model.setColor(getItem().id(), picker.getValue());
        }
      });
    }

    @Override
    protected void updateItem(ClassRow row, boolean empty) {
      super.updateItem(row, empty);
      setText(null);
      if (empty || row == null) {
        setGraphic(null);
        return;
      }
      picker.setValue(row.color());
      id.setText(Integer.toString(row.id()));
      name.setText(row.name());
      setGraphic(box);
    }
  }
}
