package dev.loupe.app.gui.tasks;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: every background task with its progress and a Cancel button, the last error as one
 * line (dismissable), and a status text on the left.
 */
public final class TaskBar extends HBox {
  private final HBox tasksBox = new HBox(16);

  public TaskBar(BackgroundTasks tasks, javafx.beans.value.ObservableStringValue status) {
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(4, 12, 4, 12));
    setSpacing(12);
    Label statusLabel = new Label();
    statusLabel.setId("status-text");
    statusLabel.textProperty().bind(status);
    Label error = new Label();
    error.setId("task-error");
    error.getStyleClass().add("status-error");
    error.textProperty().bind(tasks.errorProperty());
    Button dismiss = new Button(null, Icons.of(Icons.CLOSE));
    dismiss.getStyleClass().add("flat");
    dismiss.setOnAction(e -> tasks.clearError());
    HBox errorBox = new HBox(4, error, dismiss);
    errorBox.setAlignment(Pos.CENTER_LEFT);
    errorBox.visibleProperty().bind(tasks.errorProperty().isNotNull());
    errorBox.managedProperty().bind(errorBox.visibleProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    tasksBox.setAlignment(Pos.CENTER_RIGHT);
    getChildren().addAll(statusLabel, errorBox, spacer, tasksBox);
    tasks.running().addListener((ListChangeListener<RunningTask<?>>) c -> rebuild(tasks));
  }

  private void rebuild(BackgroundTasks tasks) {
    tasksBox.getChildren().clear();
    for (RunningTask<?> task : tasks.running()) {
      Label title = new Label(task.title());
      title.getStyleClass().add("task-title");
      ProgressBar bar = new ProgressBar();
      bar.setPrefWidth(140);
      bar.progressProperty().bind(task.progressProperty());
      Label message = new Label();
      message.getStyleClass().add("task-message");
      message.textProperty().bind(task.messageProperty());
      message.setMaxWidth(220);
      Button cancel = new Button(Messages.text("tasks.cancel"));
      cancel.getStyleClass().add("flat");
      cancel.setId("cancel-task");
      cancel.disableProperty().bind(task.cancellingProperty());
      cancel.setOnAction(e -> task.cancel());
      HBox box = new HBox(6, title, bar, message, cancel);
      box.setAlignment(Pos.CENTER_LEFT);
      box.getStyleClass().add("task");
      tasksBox.getChildren().add(box);
    }
  }
}
