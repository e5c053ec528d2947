package dev.loupe.app.gui.training;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.training.HeadlineMetrics;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The training view: the shown dataset's runs (status, epochs, mAP50-95, started) on the left, the
 * charts per epoch (losses, mAP50, mAP50-95, precision, recall, learning rate) of the current run and
 * the runs chosen in the list, and under them the final metrics, the model's details and the
 * console's tail. Train opens the launch dialog; Cancel, Resume and Open model act on the runs.
 * Everything it shows comes from its {@link TrainingViewModel}.
 */
public final class TrainingView extends BorderPane {
  private static final DateTimeFormatter STARTED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final TrainingViewModel model;
  private final Map<EpochChart, LineChart<Number, Number>> charts = new EnumMap<>(EpochChart.class);
  private final TableView<TrainingRun> runs = new TableView<>();
  private final ListView<String> console = new ListView<>();

  public TrainingView(TrainingViewModel model) {
    this.model = model;
    setId("training-view");
    getStyleClass().add("training-view");
    setTop(toolbar());
    SplitPane split = new SplitPane(runList(), body());
    split.setDividerPositions(0.3);
    setCenter(split);
    model.curves().addListener((ListChangeListener<RunCurves>) c -> drawCurves());
    drawCurves();
  }

  /** The chart of {@code kind} (for tests and screenshots). */
  public LineChart<Number, Number> chart(EpochChart kind) {
    return charts.get(kind);
  }

  private Region toolbar() {
    Button launch = new Button(Messages.text("training.train"), Icons.of(Icons.PLUS));
    launch.setId("train-launch");
    launch.setTooltip(new Tooltip(Messages.text("training.train.tip")));
    launch.disableProperty().bind(model.trainingProperty().or(model.datasetProperty().isNull()));
    launch.setOnAction(e -> LaunchDialog.show(getScene().getWindow(), model).ifPresent(l -> {
      if (l.cloud() != null) {
        model.launchCloud(l.version(), l.args(), l.cloud());
      } else {
        model.launch(l.version(), l.args());
      }
    }));
    Button cancel = new Button(Messages.text("training.cancel"));
    cancel.setId("train-cancel");
    cancel.getStyleClass().add("danger");
    cancel.disableProperty().bind(model.trainingProperty().not());
    cancel.setOnAction(e -> model.cancel());
    Button resume = new Button(Messages.text("training.resume"));
    resume.setId("train-resume");
    resume.setTooltip(new Tooltip(Messages.text("training.resume.tip")));
    resume.disableProperty().bind(Bindings.createBooleanBinding(() -> {
      TrainingRun r = runs.getSelectionModel().getSelectedItem();
      boolean needsYolo = r != null && !"cloud".equals(r.backend());
      return model.trainingProperty().get() || (needsYolo && model.yoloMessageProperty().get() != null) || r == null
          || r.active() || TrainingRun.COMPLETED.equals(r.status());
    }, runs.getSelectionModel().selectedItemProperty(), model.trainingProperty(), model.yoloMessageProperty()));
    resume.setOnAction(e -> model.resume(runs.getSelectionModel().getSelectedItem().id()));
    Button openModel = new Button(Messages.text("training.openModel"), Icons.of(Icons.MODEL));
    openModel.setId("train-open-model");
    openModel.disableProperty().bind(Bindings.createBooleanBinding(
        () -> model.currentProperty().get() == null || model.currentProperty().get().modelId() == null,
        model.currentProperty()));
    openModel.setOnAction(e -> model.openModel());
    Label missing = new Label();
    missing.setId("training-yolo-message");
    missing.getStyleClass().add("training-message");
    missing.setWrapText(true);
    missing.textProperty().bind(model.yoloMessageProperty());
    missing.visibleProperty().bind(model.yoloMessageProperty().isNotNull());
    missing.managedProperty().bind(missing.visibleProperty());
    HBox.setHgrow(missing, Priority.ALWAYS);
    missing.setMinWidth(0);
    // a long message wraps; the buttons keep their texts
    for (Button b : List.of(launch, cancel, resume, openModel)) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox bar = new HBox(8, launch, cancel, resume, openModel, missing);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("training-toolbar");
    return bar;
  }

  private Region runList() {
    runs.setId("training-runs");
    runs.getStyleClass().add("training-runs");
    runs.setItems(model.runs());
    runs.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    runs.setPlaceholder(new Label(Messages.text("training.runs.none")));
    runs.getColumns().setAll(List.of(
        column(Messages.text("training.col.run"), TrainingRun::name),
        column(Messages.text("training.col.status"), TrainingRun::status),
        column(Messages.text("training.col.epochs"), r -> r.epochsDone() + "/" + r.epochs()),
        column(Messages.text("training.col.map50_95"), r -> {
          Double v = HeadlineMetrics.of(r.task(), r.metrics()).map5095();
          return v == null ? "" : String.format("%.4f", v);
        }),
        column(Messages.text("training.col.started"),
            r -> r.startedAt() == null ? "" : STARTED.format(r.startedAt()))));
    runs.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    runs.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TrainingRun>) c ->
        model.choose(runs.getSelectionModel().getSelectedItems().stream().map(TrainingRun::id).toList()));
    return runs;
  }

  private static TableColumn<TrainingRun, String> column(
      String title, java.util.function.Function<TrainingRun, String> value) {
    TableColumn<TrainingRun, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
    c.setSortable(false);
    return c;
  }

  private Region body() {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("training-charts");
    grid.setHgap(8);
    grid.setVgap(8);
    int i = 0;
    for (EpochChart kind : EpochChart.values()) {
      NumberAxis x = new NumberAxis();
      x.setLabel(Messages.text("training.chart.epoch"));
      x.setForceZeroInRange(false);
      NumberAxis y = new NumberAxis();
      y.setForceZeroInRange(false);
      LineChart<Number, Number> chart = new LineChart<>(x, y);
      chart.setId(kind.nodeId());
      chart.setTitle(kind.title());
      chart.setAnimated(false);
      chart.setCreateSymbols(false);
      chart.getStyleClass().add("training-chart");
      chart.setMinSize(160, 120);
      GridPane.setHgrow(chart, Priority.ALWAYS);
      GridPane.setVgrow(chart, Priority.ALWAYS);
      grid.add(chart, i % 3, i / 3);
      charts.put(kind, chart);
      i++;
    }
    Label metrics = new Label();
    metrics.setId("training-final-metrics");
    metrics.getStyleClass().add("training-metrics");
    metrics.textProperty().bind(Bindings.createStringBinding(() -> {
      TrainingRun r = model.currentProperty().get();
      if (r == null) {
        return "";
      }
      String head = Messages.text("training.current", r.name(), r.status(), String.valueOf(r.epochsDone()),
          String.valueOf(r.epochs()));
      String end = TrainingViewModel.finalMetrics(r);
      String why = r.message() == null ? "" : "  (" + r.message() + ")";
      return end == null ? head + why : head + "  ·  " + end + why;
    }, model.currentProperty()));
    Label details = new Label();
    details.setId("training-model-details");
    details.getStyleClass().add("training-model-details");
    details.setWrapText(true);
    details.textProperty().bind(model.modelDetailsProperty());
    details.visibleProperty().bind(model.modelDetailsProperty().isNotNull());
    details.managedProperty().bind(details.visibleProperty());
    console.setId("training-console");
    console.getStyleClass().add("training-console");
    console.setItems(model.console());
    console.setPrefHeight(160);
    model.console().addListener((ListChangeListener<String>) c -> {
      if (!model.console().isEmpty()) {
        console.scrollTo(model.console().size() - 1);
      }
    });
    VBox bottom = new VBox(6, metrics, details, console);
    bottom.setPadding(new Insets(0, 8, 8, 8));
    SplitPane body = new SplitPane(grid, bottom);
    body.setOrientation(javafx.geometry.Orientation.VERTICAL);
    body.setDividerPositions(0.68);
    return body;
  }

  private void drawCurves() {
    boolean several = model.curves().size() > 1;
    charts.forEach((kind, chart) -> {
      List<XYChart.Series<Number, Number>> all = new java.util.ArrayList<>();
      for (RunCurves run : model.curves()) {
        for (EpochTable.Curve curve : run.epochs().curves(kind)) {
          XYChart.Series<Number, Number> series = new XYChart.Series<>();
          String curveName = kind == EpochChart.LOSSES ? curve.name() : "";
          series.setName(several ? (run.label() + " " + curveName).strip() : curveName.isEmpty() ? run.label()
              : curveName);
          for (EpochTable.Point p : curve.points()) {
            series.getData().add(new XYChart.Data<>(p.epoch(), p.value()));
          }
          all.add(series);
        }
      }
      chart.getData().setAll(all);
    });
  }
}
