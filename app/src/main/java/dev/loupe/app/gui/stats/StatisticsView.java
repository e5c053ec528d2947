package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ShownAs;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.stats.ClassStatsCalculator;
import dev.loupe.core.workspace.HeatmapCell;
import dev.loupe.core.workspace.SplitCount;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The statistics view of the selected dataset: class distribution, split breakdown, location and
 * dimension heatmaps, image width, height and points-per-label histograms, each a {@link ChartCard}
 * drawn on a canvas. While it shows, it asks its model every two seconds whether the dataset
 * changed, so the numbers follow edits made anywhere. State lives in {@link StatisticsViewModel}.
 */
public final class StatisticsView extends BorderPane {
  private static final Duration CHECK_EVERY = Duration.seconds(2);
  private static final double CLASS_ROW_MIN = 190;
  private static final double CLASS_ROW_MAX = 400;

  private final StatisticsViewModel model;
  private final Label saveError = new Label();
  private final GroupedBarChart classes = new GroupedBarChart(
      Messages.text("stats.series.instances"), Messages.text("stats.series.images"));
  private final GroupedBarChart splits = new GroupedBarChart(
      Messages.text("stats.series.instances"), Messages.text("stats.series.images"));
  private final HeatmapChart location = new HeatmapChart(HeatmapCell.Heatmap.LOCATION,
      Messages.text("stats.axis.centreX"), Messages.text("stats.axis.centreY"));
  private final HeatmapChart dimension = new HeatmapChart(HeatmapCell.Heatmap.DIMENSION,
      Messages.text("stats.axis.width"), Messages.text("stats.axis.height"));
  private final HistogramChart widths = new HistogramChart(ClassStatsCalculator.SIZE_BIN,
      Messages.text("stats.axis.imageWidth"), Messages.text("stats.unit.px"));
  private final HistogramChart heights = new HistogramChart(ClassStatsCalculator.SIZE_BIN,
      Messages.text("stats.axis.imageHeight"), Messages.text("stats.unit.px"));
  private final HistogramChart points = new HistogramChart(0,
      Messages.text("stats.axis.pointsPerLabel"), Messages.text("stats.unit.points"));
  private ChartCard dimensionCard;
  /** The first row (classes and splits): as tall as the classes need, within bounds. */
  private GridPane classRow;

  public StatisticsView(StatisticsViewModel model) {
    this.model = model;
    setId("statistics-view");
    getStyleClass().add("statistics-view");
    classes.setOnRowClicked(model::showClass);
    location.setOnCellClicked(model::showCell);
    dimension.setOnCellClicked(model::showCell);
    setTop(header());
    setCenter(new StackPane(body(), overlays()));
    model.dataProperty().addListener((o, a, b) -> update());
    model.classBarsProperty().addListener((o, a, b) -> update());
    model.logScaleProperty().addListener((o, a, b) -> update());
    Timeline check = new Timeline(new KeyFrame(CHECK_EVERY, e -> {
      if (isVisible() && getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing()) {
        model.refreshIfChanged();
      }
    }));
    check.setCycleCount(Timeline.INDEFINITE);
    sceneProperty().addListener((o, a, scene) -> {
      if (scene == null) {
        check.stop();
      } else {
        check.play();
      }
    });
    update();
  }

  /** The class distribution chart (tests click its bars). */
  GroupedBarChart classChart() {
    return classes;
  }

  HeatmapChart locationChart() {
    return location;
  }

  HeatmapChart dimensionChart() {
    return dimension;
  }

  private Region header() {
    Label title = new Label(Messages.text("stats.title"));
    title.getStyleClass().add("statistics-title");
    Label summary = new Label();
    summary.setId("statistics-summary");
    summary.getStyleClass().add("summary");
    summary.textProperty().bind(model.summaryProperty());
    Label sampled = new Label();
    sampled.setId("sampled-notice");
    sampled.getStyleClass().add("sampled-notice");
    sampled.textProperty().bind(model.sampledNoticeProperty());
    sampled.visibleProperty().bind(model.sampledNoticeProperty().isNotEmpty());
    sampled.managedProperty().bind(sampled.visibleProperty());
    saveError.getStyleClass().add("form-problem");
    saveError.setMinWidth(0);
    CheckBox log = new CheckBox(Messages.text("stats.logScale"));
    log.setId("log-scale");
    log.selectedProperty().bindBidirectional(model.logScaleProperty());
    ComboBox<ClassOrder> order = new ComboBox<>();
    order.setId("class-order");
    order.getStyleClass().add("filter");
    order.getItems().setAll(ClassOrder.values());
    order.setConverter(ShownAs.text(ClassOrder::text));
    order.valueProperty().bindBidirectional(model.orderProperty());
    Button refresh = new Button(Messages.text("stats.refresh"), Icons.of(Icons.VERSION));
    refresh.setId("refresh-statistics");
    refresh.setOnAction(e -> model.refresh());
    refresh.disableProperty().bind(model.datasetProperty().isNull());
    for (Region r : List.of(log, order, refresh, summary)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(10, title, summary, sampled, spacer, saveError, log, order, refresh);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("filter-bar");
    return bar;
  }

  private Node body() {
    ChartCard classCard = card("chart-classes", Messages.text("stats.chart.classes"), classes, "classes");
    ChartCard splitCard = card("chart-splits", Messages.text("stats.chart.splits"), splits, "splits");
    ChartCard locationCard =
        card("chart-location", Messages.text("stats.chart.location"), location, "location-heatmap");
    dimensionCard = card("chart-dimensions", Messages.text("stats.chart.dimensions"), dimension, "dimension-heatmap");
    ChartCard pointsCard = card("chart-points", Messages.text("stats.chart.points"), points, "points-per-label");
    ChartCard widthCard = card("chart-widths", Messages.text("stats.chart.widths"), widths, "image-widths");
    ChartCard heightCard = card("chart-heights", Messages.text("stats.chart.heights"), heights, "image-heights");
    classCard.setCaption(Messages.text("stats.chart.classes.caption"));
    locationCard.setCaption(Messages.text("stats.chart.location.caption"));
    classRow = row(CLASS_ROW_MAX, new double[] {64, 36}, classCard, splitCard);
    VBox rows = new VBox(12,
        classRow,
        row(330, new double[] {34, 34, 32}, locationCard, dimensionCard, pointsCard),
        row(230, new double[] {50, 50}, widthCard, heightCard));
    rows.setPadding(new Insets(12));
    rows.getStyleClass().add("statistics-body");
    ScrollPane scroll = new ScrollPane(rows);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("statistics-scroll");
    scroll.visibleProperty().bind(model.dataProperty().isNotNull());
    return scroll;
  }

  private Node overlays() {
    Label empty = new Label(Messages.text("grid.empty"));
    empty.getStyleClass().add("empty-state");
    empty.visibleProperty().bind(model.datasetProperty().isNull());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(36, 36);
    Label reading = new Label(Messages.text("stats.reading"), spinner);
    reading.setContentDisplay(ContentDisplay.TOP);
    reading.getStyleClass().add("empty-state");
    reading.setId("statistics-loading");
    reading.visibleProperty().bind(model.loadingProperty().and(model.dataProperty().isNull())
        .and(model.datasetProperty().isNotNull()));
    StackPane overlays = new StackPane(empty, reading);
    overlays.setMouseTransparent(true);
    return overlays;
  }

  private ChartCard card(String id, String title, ChartCanvas chart, String fileSuffix) {
    return new ChartCard(id, title, chart, () -> fileName(fileSuffix), saveError::setText);
  }

  private String fileName(String suffix) {
    Dataset d = model.datasetProperty().get();
    return (d == null ? "dataset" : d.slug()) + "-" + suffix;
  }

  private static GridPane row(double height, double[] percents, ChartCard... cards) {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    for (int i = 0; i < cards.length; i++) {
      ColumnConstraints column = new ColumnConstraints();
      column.setPercentWidth(percents[i]);
      grid.getColumnConstraints().add(column);
      cards[i].setPrefHeight(height);
      cards[i].setMinHeight(height);
      cards[i].setMinWidth(0);
      grid.add(cards[i], i, 0);
    }
    return grid;
  }

  private void update() {
    StatisticsData data = model.dataProperty().get();
    if (data == null) {
      return;
    }
    boolean log = model.logScaleProperty().get();
    ClassStats stats = data.stats();
    List<GroupedBarChart.Row> classRows = new ArrayList<>();
    for (ClassBar b : model.classBarsProperty().get()) {
      classRows.add(new GroupedBarChart.Row(b.classId(), b.name(), b.instances(), b.images()));
    }
    classes.setRows(classRows, log);
    double height = Math.max(CLASS_ROW_MIN, Math.min(CLASS_ROW_MAX, 150 + GroupedBarChart.ROW_HEIGHT * classRows.size()));
    for (Node card : classRow.getChildren()) {
      ((Region) card).setMinHeight(height);
      ((Region) card).setPrefHeight(height);
    }
    List<GroupedBarChart.Row> splitRows = new ArrayList<>();
    for (SplitCount s : data.splits()) {
      splitRows.add(new GroupedBarChart.Row(s.split().ordinal(), s.split().apiName(), s.labels(), s.images()));
    }
    splits.setRows(splitRows, log);
    location.setBins(stats.locationHeatmap().bins(), stats.locationHeatmap().maxCount(), log);
    ClassStats.DimensionHeatmap dims = stats.dimensionHeatmap();
    dimension.setBins(dims.bins(), dims.maxCount(), log);
    dimensionCard.setCaption(dims.maxCount() == 0 ? "" : Messages.text("stats.chart.dimensions.caption",
        String.valueOf(dims.minWidth()), String.valueOf(dims.maxWidth()), String.valueOf(dims.minHeight()),
        String.valueOf(dims.maxHeight())));
    widths.setBins(stats.imageStats().widthHistogram(), log);
    heights.setBins(stats.imageStats().heightHistogram(), log);
    points.setBins(stats.imageStats().pointsHistogram(), log);
  }
}
