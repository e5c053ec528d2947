package dev.loupe.app.gui.models;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ShownAs;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.metrics.ClassMetrics;
import dev.loupe.training.ExportJobs;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A model's window: its summary, trained metrics and run (a link to the training view), {@code val}
 * on a chosen dataset split with the figures per class in a table (a .pt checkpoint through
 * {@code yolo val}), an export on the platform and, for a checkpoint, one here ({@code yolo export}).
 */
public final class ModelDetailsWindow extends BorderPane {
  private ModelDetailsWindow(ModelDetailsViewModel model) {
    setId("model-details");
    getStyleClass().add("model-details");
    setPadding(new Insets(12));
    Label title = new Label(model.model().name());
    title.getStyleClass().add("toolbar-title");
    Label summary = new Label(model.summary());
    summary.setId("model-summary");

    GridPane metrics = new GridPane();
    metrics.setId("model-metrics");
    metrics.setHgap(12);
    metrics.setVgap(2);
    int row = 0;
    for (ModelDetailsViewModel.Metric m : model.metrics()) {
      metrics.addRow(row++, new Label(m.name()), new Label(String.format(Locale.ROOT, "%.4f", m.value())));
    }
    if (row == 0) {
      metrics.addRow(0, new Label(Messages.text("models.metrics.none")));
    }
    Hyperlink run = new Hyperlink();
    run.setId("model-run");
    model.run().ifPresentOrElse(r -> run.setText(Messages.text("models.run", r.name(), r.status(), r.backend())),
        () -> {
          run.setText(Messages.text("models.run.none"));
          run.setDisable(true);
        });
    run.setOnAction(e -> model.openRun());

    ComboBox<Dataset> dataset = new ComboBox<>(javafx.collections.FXCollections.observableList(model.datasets()));
    dataset.setId("model-val-dataset");
    dataset.setConverter(ShownAs.text(d -> d.name() + " (" + d.task().apiName() + ")"));
    model.defaultDataset().ifPresent(dataset::setValue);
    ComboBox<Split> split = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Split.values()));
    split.setId("model-val-split");
    split.setConverter(ShownAs.text(Split::apiName));
    split.setValue(Split.VAL);
    Button validate = new Button(Messages.text("models.validate"));
    validate.setId("model-validate");
    validate.disableProperty().bind(model.busyProperty());
    validate.setOnAction(e -> model.validate(dataset.getValue(), split.getValue()));
    Label valMessage = new Label();
    valMessage.setId("model-val-message");
    valMessage.setWrapText(true);
    valMessage.textProperty().bind(model.valMessageProperty());
    TableView<ClassMetrics> table = new TableView<>(model.classRows());
    table.setId("model-val-table");
    table.setPlaceholder(new Label(Messages.text("models.val.table.none")));
    table.getColumns().add(column(Messages.text("models.col.class"), c -> c.name()));
    table.getColumns().add(column(Messages.text("models.col.images"), c -> Integer.toString(c.images())));
    table.getColumns().add(column(Messages.text("models.col.instances"), c -> Integer.toString(c.instances())));
    table.getColumns().add(column(Messages.text("models.col.precision"), c -> figure(c.precision())));
    table.getColumns().add(column(Messages.text("models.col.recall"), c -> figure(c.recall())));
    table.getColumns().add(column(Messages.text("models.col.map50"), c -> figure(c.map50())));
    table.getColumns().add(column(Messages.text("models.col.map50_95"), c -> figure(c.map50to95())));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    VBox.setVgrow(table, Priority.ALWAYS);

    ComboBox<String> format = new ComboBox<>(javafx.collections.FXCollections.observableList(ExportJobs.FORMATS));
    format.setId("model-export-format");
    format.setValue("onnx");
    TextField gpu = new TextField();
    gpu.setId("model-export-gpu");
    gpu.setPrefColumnCount(16);
    gpu.setPromptText(Messages.text("models.export.gpu.prompt"));
    gpu.disableProperty().bind(format.valueProperty().isNotEqualTo("engine"));
    Button export = new Button(Messages.text("models.export.platform"));
    export.setId("model-export");
    export.disableProperty().bind(model.busyProperty());
    export.setOnAction(e -> model.export(format.getValue(), gpu.getText()));
    Button exportLocally = new Button(Messages.text("models.export.local"));
    exportLocally.setId("model-export-local");
    exportLocally.setDisable(!model.exportsLocally());
    if (model.exportsLocally()) {
      exportLocally.disableProperty().bind(model.busyProperty());
    }
    exportLocally.setOnAction(e -> model.exportLocally(format.getValue()));
    Label exportMessage = new Label();
    exportMessage.setId("model-export-message");
    exportMessage.setWrapText(true);
    exportMessage.textProperty().bind(model.exportMessageProperty());

    VBox content = new VBox(8, title, summary, metrics, run,
        new Label(Messages.text("models.val.section")), new HBox(8, dataset, split, validate), valMessage, table,
        new Label(Messages.text("models.export.section")), new HBox(8, format, gpu, export, exportLocally),
        exportMessage);
    setCenter(content);
  }

  /** Opens {@code model}'s window over {@code owner}. */
  public static Stage show(Window owner, ModelDetailsViewModel model) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle(Messages.text("models.window.title", model.model().name()));
    Scene scene = new Scene(new ModelDetailsWindow(model), 760, 640);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    stage.show();
    return stage;
  }

  private static String figure(double v) {
    return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static TableColumn<ClassMetrics, String> column(String name, Function<ClassMetrics, String> value) {
    TableColumn<ClassMetrics, String> c = new TableColumn<>(name);
    c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    return c;
  }
}
