package dev.loupe.app.gui.training;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.Task;
import dev.loupe.training.CloudTarget;
import dev.loupe.training.TrainArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The launch dialog: where (this machine, or the platform's cloud GPUs: the GPU type with its stock,
 * fetched in the background, and the platform project), the task (the dataset's), base model,
 * dataset or one of its versions, epochs, imgsz, batch and device. Bad values are named in the dialog
 * and keep it open; without {@code yolo} only the cloud can be chosen.
 */
public final class LaunchDialog {
  /**
   * What the dialog gives: the version to train on (null: the dataset as it is), the arguments, and
   * where on the platform to train (null: on this machine).
   */
  public record Launch(Integer version, TrainArgs args, CloudTarget cloud) {}

  private LaunchDialog() {}

  /** Shows the dialog over {@code owner} with {@code model}'s defaults; empty when cancelled. */
  public static Optional<Launch> show(Window owner, TrainingViewModel model) {
    TrainArgs defaults = model.defaults();
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("training.launch.title", model.datasetProperty().get().name()));
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    ButtonType train = new ButtonType(Messages.text("training.launch.ok"), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(train, ButtonType.CANCEL);

    ToggleGroup where = new ToggleGroup();
    RadioButton local = new RadioButton(Messages.text("training.launch.local"));
    local.setId("launch-local");
    local.setToggleGroup(where);
    RadioButton cloud = new RadioButton(Messages.text("training.launch.cloud"));
    cloud.setId("launch-cloud");
    cloud.setToggleGroup(where);
    boolean noYolo = model.yoloMessageProperty().get() != null;
    local.setDisable(noYolo);
    (noYolo ? cloud : local).setSelected(true);
    ComboBox<String> gpu = new ComboBox<>();
    gpu.setId("launch-gpu");
    gpu.setEditable(true);
    gpu.setValue(CloudTarget.DEFAULT_GPU);
    Label stock = new Label();
    stock.setId("launch-gpu-stock");
    stock.getStyleClass().add("form-hint");
    stock.setWrapText(true);
    stock.setPrefWidth(340); // a long message wraps instead of widening the dialog
    stock.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    stock.textProperty().bind(Bindings.createStringBinding(
        () -> stockText(model.gpuStockProperty().get(), gpu.getValue(), model.cloudMessageProperty().get()),
        model.gpuStockProperty(), model.cloudMessageProperty(), gpu.valueProperty()));
    model.gpuStockProperty().addListener((o, a, found) -> {
      String chosen = gpu.getValue();
      gpu.getItems().setAll(found.keySet());
      gpu.setValue(chosen);
    });
    TextField project = new TextField();
    project.setId("launch-project");
    project.setPromptText(Messages.text("training.launch.project.prompt"));
    model.fetchGpuStock();

    Label task = new Label(defaults.task().name().toLowerCase(java.util.Locale.ROOT));
    task.setId("launch-task");
    TextField baseModel = new TextField(defaults.model());
    baseModel.setId("launch-model");
    List<String> sources = new ArrayList<>();
    sources.add(Messages.text("training.launch.data.live"));
    model.versions().forEach(v -> sources.add(Messages.text("training.launch.data.version", v)));
    ComboBox<String> source = new ComboBox<>(javafx.collections.FXCollections.observableList(sources));
    source.setId("launch-version");
    source.getSelectionModel().selectFirst();
    Spinner<Integer> epochs = spinner("launch-epochs", 1, 10_000, defaults.epochs());
    Spinner<Integer> imgsz = spinner("launch-imgsz", 32, 8192, defaults.imgsz());
    Spinner<Integer> batch = spinner("launch-batch", -1, 4096, defaults.batch());
    TextField device = new TextField();
    device.setId("launch-device");
    device.setPromptText(Messages.text("training.launch.device.prompt"));
    TextField name = new TextField();
    name.setId("launch-name");
    name.setPromptText(Messages.text("training.launch.name.prompt"));
    device.disableProperty().bind(cloud.selectedProperty());
    gpu.disableProperty().bind(cloud.selectedProperty().not());
    project.disableProperty().bind(cloud.selectedProperty().not());

    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(8);
    form.getStyleClass().add("form");
    int row = 0;
    form.addRow(row++, new Label(Messages.text("training.launch.where")), new HBox(10, local, cloud));
    form.addRow(row++, new Label(Messages.text("training.launch.gpu")), new HBox(10, gpu, stock));
    form.addRow(row++, new Label(Messages.text("training.launch.project")), project);
    form.addRow(row++, new Label(Messages.text("training.launch.task")), task);
    form.addRow(row++, new Label(Messages.text("training.launch.model")), baseModel);
    form.addRow(row++, new Label(Messages.text("training.launch.data")), source);
    form.addRow(row++, new Label(Messages.text("training.launch.epochs")), epochs);
    form.addRow(row++, new Label(Messages.text("training.launch.imgsz")), imgsz);
    form.addRow(row++, new Label(Messages.text("training.launch.batch")), batch);
    form.addRow(row++, new Label(Messages.text("training.launch.device")), device);
    form.addRow(row, new Label(Messages.text("training.launch.name")), name);
    Label problem = new Label(noYolo ? model.yoloMessageProperty().get() : null);
    problem.setId("launch-problem");
    problem.getStyleClass().add("form-problem");
    problem.setWrapText(true);
    problem.setMaxWidth(560);
    dialog.getDialogPane().setContent(new VBox(10, form, problem));

    Launch[] made = new Launch[1];
    dialog.getDialogPane().lookupButton(train).setId("launch-train");
    dialog.getDialogPane().lookupButton(train).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
      try {
        Task t = defaults.task();
        boolean onCloud = cloud.isSelected();
        TrainArgs args = new TrainArgs(t, baseModel.getText(), epochs.getValue(), imgsz.getValue(),
            batch.getValue(), onCloud ? null : device.getText(), name.getText());
        CloudTarget target = onCloud ? new CloudTarget(project.getText(), gpu.getValue()) : null;
        int index = source.getSelectionModel().getSelectedIndex();
        made[0] = new Launch(index <= 0 ? null : model.versions().get(index - 1), args, target);
      } catch (IllegalArgumentException ex) {
        problem.setText(ex.getMessage());
        e.consume();
      }
    });
    return dialog.showAndWait().filter(b -> b == train).map(b -> made[0]);
  }

  /** {@code High availability}, {@code availability unknown}, or why the stock is not known. */
  static String stockText(Map<String, String> stock, String gpu, String problem) {
    if (problem != null) {
      return problem;
    }
    if (gpu == null || gpu.isBlank()) {
      return "";
    }
    if (!stock.containsKey(gpu.strip())) {
      return stock.isEmpty() ? "" : Messages.text("training.launch.stock.noType", gpu.strip());
    }
    String level = stock.get(gpu.strip());
    return level == null ? Messages.text("training.launch.stock.unknown")
        : Messages.text("training.launch.stock.level", level);
  }

  private static Spinner<Integer> spinner(String id, int min, int max, int value) {
    Spinner<Integer> s = new Spinner<>(min, max, value);
    s.setEditable(true);
    s.setId(id);
    return s;
  }
}
