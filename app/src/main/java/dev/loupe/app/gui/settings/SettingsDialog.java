package dev.loupe.app.gui.settings;

import dev.loupe.app.gui.AppSettings;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.SettingsStore;
import dev.loupe.labeling.keys.Keymap;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Settings (the app menu, or Ctrl+,): the workspace folder and the model device and threads (used
 * from the next start), the key map preset, the theme (applied at once), the size of the labels'
 * text. Every change is saved when it is made; a file that cannot be written is said in the dialog.
 */
public final class SettingsDialog {
  private SettingsDialog() {}

  public static void show(Window owner, SettingsStore store, Path currentWorkspace) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("settings.title"));
    dialog.setHeaderText(null);
    dialog.getDialogPane().setId("settings-dialog");
    dialog.getDialogPane().getStyleClass().add("loupe-dialog");
    if (owner != null && owner.getScene() != null) {
      // the same list as the window's: a theme change restyles the dialog too
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
      owner.getScene().getStylesheets().addListener((javafx.collections.ListChangeListener<String>) c ->
          dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets()));
    }
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    AppSettings now = store.get();
    Label problem = new Label(store.problem());
    problem.setId("settings-problem");
    problem.getStyleClass().add("form-problem");
    problem.setWrapText(true);
    java.util.function.Consumer<UnaryOperator<AppSettings>> apply = change -> {
      try {
        store.update(change);
        problem.setText(null);
      } catch (UncheckedIOException e) {
        problem.setText(e.getMessage());
      }
    };

    TextField workspace = new TextField(now.workspace() == null ? "" : now.workspace());
    workspace.setId("settings-workspace");
    workspace.setPromptText(currentWorkspace.toString());
    workspace.focusedProperty().addListener((o, was, focused) -> {
      if (!focused) {
        apply.accept(s -> s.withWorkspace(workspace.getText()));
      }
    });
    workspace.setOnAction(e -> apply.accept(s -> s.withWorkspace(workspace.getText())));
    Button browse = new Button(Messages.text("settings.browse"));
    browse.setOnAction(e -> {
      File f = new DirectoryChooser().showDialog(dialog.getDialogPane().getScene().getWindow());
      if (f != null) {
        workspace.setText(f.getAbsolutePath());
        apply.accept(s -> s.withWorkspace(f.getAbsolutePath()));
      }
    });
    HBox.setHgrow(workspace, Priority.ALWAYS);
    HBox workspaceRow = new HBox(6, workspace, browse);

    ComboBox<String> keymap = choice("settings-keymap",
        Arrays.stream(Keymap.Preset.values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList(),
        now.keymapPreset(), p -> text("settings.keymap.", p));
    keymap.valueProperty().addListener((o, a, v) -> apply.accept(s -> s.withKeymapPreset(v)));

    ComboBox<AppSettings.Theme> theme = choice("settings-theme", Arrays.asList(AppSettings.Theme.values()),
        now.theme(), t -> Messages.text("settings.theme." + t.key()));
    theme.valueProperty().addListener((o, a, v) -> apply.accept(s -> s.withTheme(v)));

    Spinner<Integer> labelText = new Spinner<>(AppSettings.MIN_LABEL_TEXT, AppSettings.MAX_LABEL_TEXT,
        now.labelTextSize());
    labelText.setId("settings-label-text");
    labelText.setEditable(true);
    labelText.valueProperty().addListener((o, a, v) -> apply.accept(s -> s.withLabelTextSize(v)));

    Spinner<Integer> threads = new Spinner<>(0, 256, now.threads());
    threads.setId("settings-threads");
    threads.setEditable(true);
    threads.valueProperty().addListener((o, a, v) -> apply.accept(s -> s.withThreads(v)));

    ComboBox<String> device = choice("settings-device", AppSettings.DEVICES, now.device(),
        d -> Messages.text("settings.device." + d));
    device.valueProperty().addListener((o, a, v) -> apply.accept(s -> s.withDevice(v)));

    GridPane form = new GridPane();
    form.setHgap(12);
    form.setVgap(8);
    form.setPadding(new Insets(8, 4, 8, 4));
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(150);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setMinWidth(340);
    form.getColumnConstraints().addAll(labels, fields);
    row(form, "settings.workspace", workspaceRow, "settings.workspace.hint");
    row(form, "settings.theme", theme, null);
    row(form, "settings.keymap", keymap, "settings.keymap.hint");
    row(form, "settings.labelText", labelText, null);
    row(form, "settings.threads", threads, "settings.threads.hint");
    row(form, "settings.device", device, "settings.device.hint");
    Label where = new Label(store.file() == null ? Messages.text("settings.inMemory")
        : Messages.text("settings.file", store.file().toString()));
    where.getStyleClass().add("form-hint");
    where.setWrapText(true);
    VBox content = new VBox(8, form, where, problem);
    content.setPrefWidth(560);
    dialog.getDialogPane().setContent(content);
    dialog.showAndWait();
  }

  /** {@code prefix + value}'s text, or the value itself when the bundle names none (a preset added later). */
  private static String text(String prefix, String value) {
    try {
      return Messages.text(prefix + value);
    } catch (java.util.MissingResourceException none) {
      return value;
    }
  }

  private static void row(GridPane form, String key, Node field, String hintKey) {
    int r = form.getRowCount();
    Label label = new Label(Messages.text(key));
    label.getStyleClass().add("form-label");
    form.add(label, 0, r);
    if (hintKey == null) {
      form.add(field, 1, r);
      return;
    }
    Label hint = new Label(Messages.text(hintKey));
    hint.getStyleClass().add("form-hint");
    hint.setWrapText(true);
    form.add(new VBox(3, field, hint), 1, r);
  }

  private static <T> ComboBox<T> choice(String id, java.util.List<T> values, T selected, Function<T, String> text) {
    ComboBox<T> box = new ComboBox<>();
    box.setId(id);
    box.getItems().setAll(values);
    box.setValue(selected);
    box.setCellFactory(v -> cell(text));
    box.setButtonCell(cell(text));
    return box;
  }

  private static <T> ListCell<T> cell(Function<T, String> text) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
      }
    };
  }
}
