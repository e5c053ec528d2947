package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.workspace.TrashEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The trash: restore a dataset, purge one for good, or empty the trash. */
public final class TrashDialog {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.systemDefault());

  private TrashDialog() {}

  public static void show(Window owner, TrashViewModel model) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("trash.title"));
    dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    TableView<TrashEntry> table = new TableView<>(model.entries());
    table.setId("trash");
    table.setPlaceholder(new Label(Messages.text("trash.placeholder")));
    table.getColumns().add(VersionsDialog.column(Messages.text("trash.col.dataset"), TrashEntry::name, 200));
    table.getColumns().add(VersionsDialog.column(Messages.text("trash.col.images"), e -> String.format("%,d", e.imageCount()), 80));
    table.getColumns().add(VersionsDialog.column(Messages.text("trash.col.deleted"), e -> WHEN.format(e.deletedAt()), 100));
    table.getColumns().add(VersionsDialog.column(Messages.text("trash.col.purgedOn"), e -> WHEN.format(e.expiresAt()), 100));
    table.setPrefHeight(240);
    var none = table.getSelectionModel().selectedItemProperty().isNull();
    Button restore = new Button(Messages.text("trash.restore"));
    restore.setId("trash-restore");
    restore.disableProperty().bind(none);
    restore.setOnAction(e -> model.restore(table.getSelectionModel().getSelectedItem()));
    Button purge = new Button(Messages.text("trash.purge"));
    purge.setId("trash-purge");
    purge.getStyleClass().add("danger");
    purge.disableProperty().bind(none);
    purge.setOnAction(e -> model.purge(table.getSelectionModel().getSelectedItem(), () -> {}));
    Button empty = new Button(Messages.text("trash.emptyAll"));
    empty.setId("trash-empty");
    empty.getStyleClass().add("danger");
    empty.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.entries()));
    empty.setOnAction(e -> model.empty(n -> {}));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label problem = Forms.problemLine(model.problemProperty());
    dialog.getDialogPane().setContent(new VBox(10, table, new HBox(8, restore, purge, spacer, empty), problem));
    dialog.getDialogPane().setPrefWidth(560);
    dialog.showAndWait();
  }
}
