package dev.loupe.app.gui.sync;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.workspace.SyncConflict;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A dataset's sync panel: its state, Push / Pull / Sync, and the open conflicts with Keep local and
 * Take remote. Controls only; the behaviour is {@link SyncPanelViewModel}'s.
 */
public final class SyncPanel extends VBox {
  public SyncPanel(SyncPanelViewModel model, Runnable openSettings) {
    super(10);
    setId("sync-panel");
    Label state = new Label();
    state.setId("sync-state");
    state.setWrapText(true);
    state.textProperty().bind(model.stateProperty());
    Button push = new Button(Messages.text("sync.push"));
    push.setId("sync-push");
    push.setOnAction(e -> model.push());
    Button pull = new Button(Messages.text("sync.pull"));
    pull.setId("sync-pull");
    pull.setOnAction(e -> model.pull());
    pull.disableProperty().bind(model.busyProperty().or(model.linkedProperty().not()));
    Button sync = new Button(Messages.text("sync.both"));
    sync.setId("sync-both");
    sync.getStyleClass().add("accent");
    sync.setOnAction(e -> model.sync());
    push.disableProperty().bind(model.busyProperty());
    sync.disableProperty().bind(model.busyProperty());
    Button settings = new Button(Messages.text("sync.settings"));
    settings.setId("sync-settings");
    settings.setOnAction(e -> openSettings.run());
    Label outcome = new Label();
    outcome.setId("sync-outcome");
    outcome.setWrapText(true);
    outcome.textProperty().bind(model.outcomeProperty());

    TableView<SyncConflict> table = new TableView<>(model.conflicts());
    table.setId("sync-conflicts");
    table.setPlaceholder(new Label(Messages.text("sync.conflicts.none")));
    table.getColumns().add(column(Messages.text("sync.col.image"), c -> c.localHash().substring(0, 16), 150));
    table.getColumns().add(column(Messages.text("sync.col.kind"), SyncPanel::kind, 240));
    table.getColumns().add(column(Messages.text("sync.col.remoteSplit"),
        c -> c.remoteSplit() == null ? "-" : c.remoteSplit(), 100));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPrefHeight(220);
    Button keepLocal = new Button(Messages.text("sync.keepLocal"));
    keepLocal.setId("sync-keep-local");
    keepLocal.setOnAction(e -> model.keepLocal(table.getSelectionModel().getSelectedItem()));
    Button takeRemote = new Button(Messages.text("sync.takeRemote"));
    takeRemote.setId("sync-take-remote");
    takeRemote.setOnAction(e -> model.takeRemote(table.getSelectionModel().getSelectedItem()));
    var none = table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty());
    keepLocal.disableProperty().bind(none);
    takeRemote.disableProperty().bind(none);

    getChildren().addAll(state, new HBox(8, push, pull, sync, settings), outcome,
        new Label(Messages.text("sync.conflicts.hint")), table,
        new HBox(8, keepLocal, takeRemote));
  }

  private static String kind(SyncConflict c) {
    return switch (c.kind()) {
      case SyncConflict.DELETED_REMOTELY -> Messages.text("sync.kind.deletedRemotely");
      case SyncConflict.DELETED_LOCALLY -> Messages.text("sync.kind.deletedLocally");
      default -> Messages.text("sync.kind.bothEdited");
    };
  }

  private static <S> TableColumn<S, String> column(String title, Function<S, String> value, double width) {
    TableColumn<S, String> c = new TableColumn<>(title);
    c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
    c.setPrefWidth(width);
    return c;
  }
}
