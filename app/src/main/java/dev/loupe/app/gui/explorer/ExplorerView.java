package dev.loupe.app.gui.explorer;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ShownAs;
import dev.loupe.app.gui.gallery.GalleryView;
import dev.loupe.app.gui.gallery.ThumbnailView;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.app.gui.similar.SimilarRequest;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The explorer: the dataset's map as a {@link ScatterView}, a bar (colour mode, drag tool, fit,
 * re-map, duplicates), the legend, a hover card with the image's thumbnail and file name, and the
 * gallery of the selected images at the right. A self-contained node: the main window puts it beside
 * the grid and the labeling area. State and behaviour live in {@link ExplorerViewModel}.
 */
public final class ExplorerView extends BorderPane {
  /** A 16 px icon of scattered points (the explorer's toggle). */
  public static final String MAP_ICON = "M2 3h3v3H2zm7-1h3v3H9zM5 8h3v3H5zm7 1h3v3h-3zM2 12h3v3H2z";
  /** A 16 px icon of a copy behind an image (duplicates). */
  public static final String DUPLICATES_ICON = "M1 1h9v2H3v7H1zM5 5h10v10H5z";
  static final double CARD_THUMB = 128;

  private final ExplorerViewModel model;
  private final ThumbnailCache thumbnails;
  private final ScatterView scatter;
  private final GalleryView gallery;
  private final VBox legend = new VBox(4);
  private final VBox card = new VBox(4);
  private final ThumbnailView cardThumb;
  private final Label cardName = new Label();
  private final Label cardDetail = new Label();
  private Consumer<SimilarRequest> onFindSimilar = r -> {};
  private Runnable onDuplicates = () -> {};

  public ExplorerView(ExplorerViewModel model, ThumbnailCache thumbnails) {
    this.model = model;
    this.thumbnails = thumbnails;
    this.scatter = new ScatterView(model);
    this.cardThumb = new ThumbnailView(thumbnails, CARD_THUMB);
    setId("explorer");
    getStyleClass().add("explorer-view");
    setTop(toolbar());
    setCenter(center());
    gallery = new GalleryView(model.gallery(), thumbnails, model::clearSelection);
    gallery.visibleProperty().bind(Bindings.notEqual(0, model.selectedCountProperty()));
    gallery.managedProperty().bind(gallery.visibleProperty());
    setRight(gallery);
    scatter.setOnOpenPoint(model::openPoint);
    scatter.hoveredProperty().addListener((o, was, now) -> showCard(now.intValue()));
    model.legend().addListener((ListChangeListener<LegendEntry>) c -> fillLegend());
    scatter.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE && model.selectedCountProperty().get() > 0) {
        model.clearSelection();
        e.consume();
      }
    });
    scatter.setOnContextMenuRequested(e -> {
      int hit = scatter.pointAt(e.getX(), e.getY());
      if (hit >= 0) {
        contextMenu(hit).show(scatter, e.getScreenX(), e.getScreenY());
      }
      e.consume();
    });
  }

  public ScatterView scatter() {
    return scatter;
  }

  public GalleryView gallery() {
    return gallery;
  }

  /** Where "Find similar" goes (the main window opens the similar window). */
  public void setOnFindSimilar(Consumer<SimilarRequest> value) {
    onFindSimilar = value;
  }

  /** Where the Duplicates button goes. */
  public void setOnDuplicates(Runnable value) {
    onDuplicates = value;
  }

  /** The image under the pointer as a similar-images request, or null (the Find similar key). */
  public SimilarRequest hoveredRequest() {
    return request(scatter.hoveredProperty().get());
  }

  private SimilarRequest request(int i) {
    MapPoints p = model.pointsProperty().get();
    if (p == null || i < 0 || i >= p.size() || model.datasetProperty().get() == null) {
      return null;
    }
    return new SimilarRequest(model.datasetProperty().get(), p.hash(i), p.filename(i));
  }

  private ContextMenu contextMenu(int i) {
    MenuItem similar = new MenuItem(Messages.text("grid.menu.findSimilar"));
    similar.setId("explorer-find-similar");
    similar.setOnAction(e -> {
      SimilarRequest r = request(i);
      if (r != null) {
        onFindSimilar.accept(r);
      }
    });
    MenuItem open = new MenuItem(Messages.text("grid.menu.open"));
    open.setOnAction(e -> model.openPoint(i));
    return new ContextMenu(similar, open);
  }

  private Region toolbar() {
    ComboBox<ColorMode> mode = new ComboBox<>();
    mode.setId("color-mode");
    mode.getItems().setAll(ColorMode.values());
    mode.valueProperty().bindBidirectional(model.colorModeProperty());
    mode.setConverter(ShownAs.text(ColorMode::text));
    Label colour = new Label(Messages.text("explorer.colourBy"));
    colour.getStyleClass().add("form-label");
    ToggleGroup tools = new ToggleGroup();
    ToggleButton pan = toolButton("tool-pan", "explorer.tool.pan", tools,
        SelectionTool.PAN);
    ToggleButton rect = toolButton("tool-rectangle", "explorer.tool.rectangle", tools,
        SelectionTool.RECTANGLE);
    ToggleButton lasso = toolButton("tool-lasso", "explorer.tool.lasso", tools,
        SelectionTool.LASSO);
    pan.setSelected(true);
    tools.selectedToggleProperty().addListener((o, was, now) -> {
      if (now == null) {
        was.setSelected(true); // one tool is always chosen
      } else {
        scatter.toolProperty().set((SelectionTool) now.getUserData());
      }
    });
    HBox toolBox = new HBox(0, pan, rect, lasso);
    toolBox.getStyleClass().add("segmented");
    Button fit = new Button(Messages.text("explorer.fit"));
    fit.setId("explorer-fit");
    fit.setTooltip(new Tooltip(Messages.text("explorer.fit.tip")));
    fit.setOnAction(e -> scatter.fit());
    Button remap = new Button(Messages.text("explorer.remap"));
    remap.setId("explorer-remap");
    remap.setTooltip(new Tooltip(Messages.text("explorer.remap.tip")));
    remap.setOnAction(e -> model.remap());
    remap.disableProperty().bind(model.loadingProperty().or(model.datasetProperty().isNull()));
    Button duplicates = new Button(Messages.text("toolbar.duplicates"), Icons.of(DUPLICATES_ICON));
    duplicates.setId("explorer-duplicates");
    duplicates.setTooltip(new Tooltip(Messages.text("explorer.duplicates.tip")));
    duplicates.setOnAction(e -> onDuplicates.run());
    duplicates.disableProperty().bind(model.datasetProperty().isNull());
    Label summary = new Label();
    summary.setId("explorer-summary");
    summary.getStyleClass().add("summary");
    summary.textProperty().bind(model.summaryProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, colour, mode, toolBox, fit, spacer, summary, remap, duplicates);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("filter-bar");
    return bar;
  }

  /** A selection tool's button: its text is {@code key}, its tooltip {@code key.tip} in the messages. */
  private static ToggleButton toolButton(String id, String key, ToggleGroup group, SelectionTool tool) {
    ToggleButton b = new ToggleButton(Messages.text(key));
    b.setId(id);
    b.setTooltip(new Tooltip(Messages.text(key + ".tip")));
    b.setToggleGroup(group);
    b.setUserData(tool);
    return b;
  }

  private Region center() {
    legend.setId("map-legend");
    legend.getStyleClass().add("map-legend");
    legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    legend.setMouseTransparent(true);
    legend.visibleProperty().bind(Bindings.isNotEmpty(model.legend()));
    StackPane.setAlignment(legend, Pos.TOP_LEFT);
    StackPane.setMargin(legend, new Insets(12));
    Label message = new Label();
    message.getStyleClass().add("empty-state");
    message.setId("explorer-message");
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotNull());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setMaxSize(36, 36);
    spinner.visibleProperty().bind(model.loadingProperty());
    VBox waiting = new VBox(10, spinner, message);
    waiting.setAlignment(Pos.CENTER);
    waiting.setMouseTransparent(true);
    card.getStyleClass().add("hover-card");
    card.setId("hover-card");
    card.setMouseTransparent(true);
    card.setManaged(false);
    card.setVisible(false);
    cardName.getStyleClass().add("hover-name");
    cardName.setMaxWidth(CARD_THUMB + 40);
    cardDetail.getStyleClass().add("hover-detail");
    StackPane frame = new StackPane(cardThumb);
    frame.getStyleClass().add("tile-frame");
    frame.setMinSize(CARD_THUMB + 8, CARD_THUMB + 8);
    frame.setPrefSize(CARD_THUMB + 8, CARD_THUMB + 8);
    card.getChildren().addAll(frame, cardName, cardDetail);
    Pane cardLayer = new Pane(card);
    cardLayer.setMouseTransparent(true);
    StackPane center = new StackPane(scatter, legend, waiting, cardLayer);
    center.getStyleClass().add("explorer-center");
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(center.widthProperty());
    clip.heightProperty().bind(center.heightProperty());
    center.setClip(clip);
    return center;
  }

  private void fillLegend() {
    legend.getChildren().clear();
    Label title = new Label(model.colorModeProperty().get().text());
    title.getStyleClass().add("legend-title");
    legend.getChildren().add(title);
    int shown = 0;
    for (LegendEntry e : model.legend()) {
      if (++shown > 16) {
        Label more = new Label(Messages.text("explorer.legend.more", model.legend().size() - 16));
        more.getStyleClass().add("legend-count");
        legend.getChildren().add(more);
        break;
      }
      Rectangle swatch = new Rectangle(10, 10, Color.rgb((e.argb() >> 16) & 0xff, (e.argb() >> 8) & 0xff,
          e.argb() & 0xff));
      swatch.setArcWidth(3);
      swatch.setArcHeight(3);
      Label name = new Label(e.name());
      name.getStyleClass().add("legend-name");
      Label count = new Label(String.format("%,d", e.count()));
      count.getStyleClass().add("legend-count");
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      HBox row = new HBox(6, swatch, name, spacer, count);
      row.setAlignment(Pos.CENTER_LEFT);
      legend.getChildren().add(row);
    }
  }

  private void showCard(int i) {
    MapPoints p = model.pointsProperty().get();
    if (p == null || i < 0 || i >= p.size()) {
      card.setVisible(false);
      cardThumb.show(null);
      return;
    }
    cardThumb.show(p.hash(i));
    cardName.setText(p.filename(i));
    cardDetail.setText(Messages.text("explorer.card.detail", p.labelCount(i), p.split(i).apiName()));
    card.applyCss();
    card.autosize();
    ScatterViewport v = scatter.viewport();
    double x = v.toScreenX(p.x(i)) + 14;
    double y = v.toScreenY(p.y(i)) + 14;
    double w = card.getWidth();
    double h = card.getHeight();
    if (x + w > scatter.getWidth()) {
      x = Math.max(0, x - w - 28);
    }
    if (y + h > scatter.getHeight()) {
      y = Math.max(0, y - h - 28);
    }
    card.relocate(x, y);
    card.setVisible(true);
  }
}
