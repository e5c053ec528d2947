package dev.loupe.labeling;

import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Remaps keys: pick an action, press "Record", press the new key. A preset can be taken as the
 * starting point; keys used twice are named below the table. Returns the new keymap on OK, null on
 * Cancel (the keymap given is never changed).
 */
final class KeymapEditor extends Dialog<Keymap> {
  private Keymap working;
  private final TableView<Action> table = new TableView<>();
  private final Label info = new Label();
  private boolean recording;

  /**
   * An editor owned by the window of {@code owner} (null: none), styled by that scene's stylesheets
   * (the app's theme, dark or light).
   */
  static KeymapEditor of(Keymap current, javafx.scene.Scene owner) {
    KeymapEditor editor = new KeymapEditor(current);
    if (owner != null) {
      editor.getDialogPane().getStylesheets().setAll(owner.getStylesheets());
      if (owner.getWindow() != null) {
        editor.initOwner(owner.getWindow());
      }
    }
    return editor;
  }

  KeymapEditor(Keymap current) {
    working = current.copy();
    getDialogPane().setId("keymap-editor");
    setTitle(Messages.text("keymapEditor.title"));
    TableColumn<Action, String> action = new TableColumn<>(Messages.text("keymapEditor.col.action"));
    action.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().description()));
    action.setPrefWidth(420);
    TableColumn<Action, String> keys = new TableColumn<>(Messages.text("keymapEditor.col.keys"));
    keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(working.display(c.getValue())));
    keys.setPrefWidth(180);
    table.getColumns().add(action);
    table.getColumns().add(keys);
    table.getItems().setAll(Action.values());
    table.setPrefHeight(420);

    ComboBox<Keymap.Preset> preset = new ComboBox<>();
    preset.getItems().setAll(Keymap.Preset.values());
    preset.setId("keymap-preset");
    preset.setConverter(new StringConverter<>() {
      @Override
      public String toString(Keymap.Preset value) {
        return value == null ? "" : presetName(value);
      }

      @Override
      public Keymap.Preset fromString(String text) {
        return null; // not editable
      }
    });
    preset.setValue(working.preset());
    preset.setOnAction(e -> {
      working = new Keymap(preset.getValue());
      refresh();
    });
    Button record = new Button(Messages.text("keymapEditor.record"));
    record.setOnAction(e -> {
      if (table.getSelectionModel().getSelectedItem() != null) {
        recording = true;
        info.setText(Messages.text(
            "keymapEditor.recording", table.getSelectionModel().getSelectedItem().description()));
      }
    });
    Button clear = new Button(Messages.text("keymapEditor.clear"));
    clear.setOnAction(e -> {
      Action selected = table.getSelectionModel().getSelectedItem();
      if (selected != null) {
        working.bind(selected, List.of());
        refresh();
      }
    });
    getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, this::recorded);
    HBox buttons = new HBox(8, new Label(Messages.text("keymapEditor.startFrom")), preset, record, clear);
    getDialogPane().setContent(new VBox(8, table, buttons, info));
    getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    setResultConverter(button -> button == ButtonType.OK ? working : null);
    refresh();
  }

  /** A preset's name in the list to start from. */
  static String presetName(Keymap.Preset preset) {
    return switch (preset) {
      case DEFAULT -> Messages.text("keymapEditor.preset.default");
      case CVAT -> Messages.text("keymapEditor.preset.cvat");
      case LABEL_STUDIO -> Messages.text("keymapEditor.preset.labelStudio");
    };
  }

  private void recorded(KeyEvent e) {
    if (!recording) {
      return;
    }
    e.consume();
    if (e.getCode() == KeyCode.ESCAPE) {
      recording = false;
      refresh();
      return;
    }
    KeyCombination key = Keymap.combinationOf(e);
    Action selected = table.getSelectionModel().getSelectedItem();
    if (key != null && selected != null) {
      working.bind(selected, List.of(key));
      recording = false;
      refresh();
    }
  }

  private void refresh() {
    table.refresh();
    var conflicts = working.conflicts();
    info.setText(conflicts.isEmpty() ? "" : Messages.text("keymapEditor.usedTwice", String.valueOf(conflicts)));
  }
}
