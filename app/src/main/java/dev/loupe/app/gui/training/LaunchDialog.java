package dev.loupe.app.gui.training;

import dev.loupe.core.domain.Task;
import dev.loupe.training.TrainArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The launch dialog: where (this machine; the cloud needs the platform client and is disabled), the
 * task (the dataset's), base model, dataset or one of its versions, epochs, imgsz, batch and device.
 * Bad values are named in the dialog and keep it open.
 */
public final class LaunchDialog {
  /** What the dialog gives: the version to train on (null: the dataset as it is) and the arguments. */
  public record Launch(Integer version, TrainArgs args) {}

  private static final String LIVE = "The dataset as it is now";

  private LaunchDialog() {}

  /** Shows the dialog over {@code owner} with {@code model}'s defaults; empty when cancelled. */
  public static Optional<Launch> show(Window owner, TrainingViewModel model) {
    TrainArgs defaults = model.defaults();
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle("Train " + model.datasetProperty().get().name());
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    ButtonType train = new ButtonType("Train", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(train, ButtonType.CANCEL);

    ToggleGroup where = new ToggleGroup();
    RadioButton local = new RadioButton("This machine (ultralytics CLI)");
    local.setToggleGroup(where);
    local.setSelected(true);
    RadioButton cloud = new RadioButton("Cloud");
    cloud.setToggleGroup(where);
    cloud.setDisable(true);
    Label cloudHint = new Label("(needs the platform client)");
    cloudHint.getStyleClass().add("form-hint");
    Tooltip.install(cloudHint, new Tooltip("Training on the platform's cloud GPUs needs the Ultralytics platform"
        + " client, which this build does not have yet"));
    Label task = new Label(defaults.task().name().toLowerCase(java.util.Locale.ROOT));
    task.setId("launch-task");
    TextField baseModel = new TextField(defaults.model());
    baseModel.setId("launch-model");
    List<String> sources = new ArrayList<>();
    sources.add(LIVE);
    model.versions().forEach(v -> sources.add("Version " + v));
    ComboBox<String> source = new ComboBox<>(javafx.collections.FXCollections.observableList(sources));
    source.setId("launch-version");
    source.getSelectionModel().selectFirst();
    Spinner<Integer> epochs = spinner("launch-epochs", 1, 10_000, defaults.epochs());
    Spinner<Integer> imgsz = spinner("launch-imgsz", 32, 8192, defaults.imgsz());
    Spinner<Integer> batch = spinner("launch-batch", -1, 4096, defaults.batch());
    TextField device = new TextField();
    device.setId("launch-device");
    device.setPromptText("cpu, 0, 0,1, mps (empty: Ultralytics chooses)");
    TextField name = new TextField();
    name.setId("launch-name");
    name.setPromptText("made from the dataset when empty");

    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.getStyleClass().add("form");
    int row = 0;
    form.addRow(row++, new Label("Train on"), new HBox(10, local, cloud, cloudHint));
    form.addRow(row++, new Label("Task"), task);
    form.addRow(row++, new Label("Base model"), baseModel);
    form.addRow(row++, new Label("Data"), source);
    form.addRow(row++, new Label("Epochs"), epochs);
    form.addRow(row++, new Label("Image size"), imgsz);
    form.addRow(row++, new Label("Batch (-1: auto)"), batch);
    form.addRow(row++, new Label("Device"), device);
    form.addRow(row, new Label("Run name"), name);
    Label problem = new Label();
    problem.setId("launch-problem");
    problem.getStyleClass().add("form-problem");
    problem.setWrapText(true);
    dialog.getDialogPane().setContent(new VBox(10, form, problem));

    Launch[] made = new Launch[1];
    dialog.getDialogPane().lookupButton(train).setId("launch-train");
    dialog.getDialogPane().lookupButton(train).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      try {
        Task t = defaults.task();
        TrainArgs args = new TrainArgs(t, baseModel.getText(), epochs.getValue(), imgsz.getValue(),
            batch.getValue(), device.getText(), name.getText());
        int index = source.getSelectionModel().getSelectedIndex();
        made[0] = new Launch(index <= 0 ? null : model.versions().get(index - 1), args);
      } catch (IllegalArgumentException ex) {
        problem.setText(ex.getMessage());
        e.consume();
      }
    });
    return dialog.showAndWait().filter(b -> b == train).map(b -> made[0]);
  }

  private static Spinner<Integer> spinner(String id, int min, int max, int value) {
    Spinner<Integer> s = new Spinner<>(min, max, value);
    s.setEditable(true);
    s.setId(id);
    return s;
  }
}
