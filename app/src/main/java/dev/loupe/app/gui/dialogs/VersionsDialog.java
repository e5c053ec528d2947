package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.workspace.DatasetVersion;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The versions of a dataset: list, create one with a description, export one. */
public final class VersionsDialog {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private VersionsDialog() {}

  public static void show(Window owner, VersionsViewModel model, BackgroundTasks tasks) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("versions.title", model.dataset().name()));
    dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    TableView<DatasetVersion> table = new TableView<>(model.versions());
    table.setId("versions");
    table.setPlaceholder(new Label(Messages.text("versions.placeholder")));
    table.getColumns().add(column(Messages.text("versions.col.version"), v -> Messages.text("versions.version", v.version()), 70));
    table.getColumns().add(column(Messages.text("versions.col.description"), DatasetVersion::description, 220));
    table.getColumns().add(column(Messages.text("versions.col.created"), v -> WHEN.format(v.createdAt()), 130));
    table.getColumns().add(number(column(Messages.text("versions.col.images"), v -> String.format("%,d", v.imageCount()), 80)));
    table.getColumns().add(number(column(Messages.text("versions.col.labels"), v -> String.format("%,d", v.labelCount()), 80)));
    // the columns share the table's width, so no filler header stands beside cells it does not match
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.setPrefHeight(260);
    TextField description = new TextField();
    description.setId("version-description");
    description.setPromptText(Messages.text("versions.description.prompt"));
    description.textProperty().bindBidirectional(model.descriptionProperty());
    Button create = new Button(Messages.text("versions.create"));
    create.setId("create-version");
    create.getStyleClass().add("accent");
    create.setOnAction(e -> model.create(tasks));
    Button export = new Button(Messages.text("versions.export"));
    export.setId("export-version");
    export.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    export.setOnAction(e -> ExportDialog.show(dialog.getDialogPane().getScene().getWindow(),
        model.export(table.getSelectionModel().getSelectedItem().version()), tasks, n -> {}));
    HBox.setHgrow(description, Priority.ALWAYS);
    HBox bar = new HBox(8, description, create, export);
    dialog.getDialogPane().setContent(new VBox(10, table, bar));
    dialog.getDialogPane().setPrefWidth(640);
    dialog.showAndWait();
  }

  /** A column of counts: header and cells aligned right, so the header stands over its figures. */
  static <S> TableColumn<S, String> number(TableColumn<S, String> c) {
    c.getStyleClass().add("number");
    return c;
  }

  static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
    TableColumn<S, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
