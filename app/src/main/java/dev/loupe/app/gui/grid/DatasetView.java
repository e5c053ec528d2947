package dev.loupe.app.gui.grid;

import dev.loupe.app.gui.AppSettings;
import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.ShownAs;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImageSort;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The dataset view: a filter bar (search, split, labeled, errors, classes, sort), the selection's
 * actions (move to a split, delete) and the thumbnail grid. State and behaviour live in
 * {@link DatasetViewModel}.
 */
public final class DatasetView extends BorderPane {
  private final DatasetViewModel model;
  private final ThumbnailGrid grid;
  /** The thumbnail size slider's step in pixels. */
  private static final int SIZE_STEP = 16;

  private final MenuButton classes = new MenuButton(Messages.text("grid.classes"));

  public DatasetView(DatasetViewModel model, ThumbnailCache thumbnails) {
    this.model = model;
    this.grid = new ThumbnailGrid(model, thumbnails);
    grid.setTileMenu(new TileMenu(model, this::confirmDelete)::at);
    getStyleClass().add("dataset-view");
    setTop(toolbar());
    Label empty = new Label(Messages.text("grid.empty"));
    empty.getStyleClass().add("empty-state");
    empty.visibleProperty().bind(model.datasetProperty().isNull());
    Label error = new Label();
    error.getStyleClass().add("error-banner");
    error.textProperty().bind(model.errorProperty());
    error.visibleProperty().bind(model.errorProperty().isNotNull());
    StackPane.setAlignment(error, Pos.TOP_CENTER);
    javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
    spinner.setMaxSize(36, 36);
    Label opening = new Label(Messages.text("grid.opening"), spinner);
    opening.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
    opening.getStyleClass().add("empty-state");
    opening.setId("opening");
    opening.visibleProperty().bind(model.loadingProperty());
    StackPane center = new StackPane(grid, empty, opening, error);
    grid.visibleProperty().bind(model.datasetProperty().isNotNull());
    setCenter(center);
    model.datasetProperty().addListener((o, a, d) -> fillClasses(d));
    model.classIds().addListener((SetChangeListener<Integer>) c -> updateClassesText());
  }

  public ThumbnailGrid grid() {
    return grid;
  }

  private Region toolbar() {
    TextField search = new TextField();
    search.setId("search");
    search.setPromptText(Messages.text("grid.search"));
    search.getStyleClass().add("search-field");
    search.textProperty().bindBidirectional(model.searchProperty());
    search.setPrefColumnCount(14);
    search.setMinWidth(120);

    ComboBox<Split> split = choice("split-filter", nullable(Split.values()), Messages.text("grid.filter.allSplits"),
        s -> s.apiName());
    split.valueProperty().bindBidirectional(model.splitProperty());
    ComboBox<Boolean> labeled = choice("labeled", List.of(Boolean.TRUE, Boolean.FALSE),
        Messages.text("grid.filter.anyLabels"),
        b -> Messages.text(b ? "grid.filter.labeled" : "grid.filter.unlabeled"));
    labeled.valueProperty().bindBidirectional(model.hasLabelProperty());
    ComboBox<Boolean> errors = choice("errors", List.of(Boolean.TRUE, Boolean.FALSE),
        Messages.text("grid.filter.anyErrors"),
        b -> Messages.text(b ? "grid.filter.withErrors" : "grid.filter.withoutErrors"));
    errors.valueProperty().bindBidirectional(model.hasErrorProperty());
    classes.setId("classes-filter");
    classes.getStyleClass().add("filter");

    ComboBox<ImageSort> sort = new ComboBox<>();
    sort.setId("sort");
    sort.getItems().setAll(ImageSort.values());
    sort.setConverter(ShownAs.text(s -> sortName(s)));
    sort.valueProperty().bindBidirectional(model.sortProperty());
    sort.setTooltip(new Tooltip(Messages.text("grid.sort")));

    Slider size = new Slider(AppSettings.MIN_THUMBNAIL, AppSettings.MAX_THUMBNAIL, grid.imageSizeProperty().get());
    size.setId("thumbnail-size");
    size.setMajorTickUnit(SIZE_STEP);
    size.setMinorTickCount(0);
    size.setSnapToTicks(true);
    size.setBlockIncrement(SIZE_STEP);
    size.setPrefWidth(110);
    size.setTooltip(new Tooltip(Messages.text("grid.thumbnailSize")));
    size.valueProperty().addListener((o, a, v) -> {
      if (!size.isValueChanging()) {
        grid.imageSizeProperty().set(snap(v.doubleValue()));
      }
    });
    size.valueChangingProperty().addListener((o, was, changing) -> {
      if (!changing) {
        grid.imageSizeProperty().set(snap(size.getValue()));
      }
    });
    grid.imageSizeProperty().addListener((o, a, v) -> size.setValue(v.doubleValue()));

    Label summary = new Label();
    summary.setId("summary");
    summary.getStyleClass().add("summary");
    summary.textProperty().bind(model.summaryProperty());

    for (Region r : List.of(split, labeled, errors, classes, sort)) {
      r.setMinWidth(Region.USE_PREF_SIZE);
    }
    summary.setMinWidth(Region.USE_PREF_SIZE);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, search, split, labeled, errors, classes, sort, spacer, summary, size);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(8, 12, 8, 12));
    bar.getStyleClass().add("filter-bar");
    return new javafx.scene.layout.VBox(bar, new FilterChips(model), selectionBar());
  }

  /** The selection's actions; shown while images are selected. */
  private Region selectionBar() {
    Label count = new Label();
    count.getStyleClass().add("selection-count");
    count.textProperty().bind(Bindings.createStringBinding(
        () -> Messages.text("grid.selected", model.selection().countProperty().get()),
        model.selection().countProperty()));
    MenuButton move = new MenuButton(Messages.text("grid.selection.moveTo"), Icons.of(Icons.SPLIT));
    move.setId("move-to");
    for (Split s : Split.values()) {
      MenuItem item = new MenuItem(Messages.text("split." + s.apiName()));
      item.setId("move-to-" + s.apiName());
      item.setOnAction(e -> model.moveSelectedTo(s));
      move.getItems().add(item);
    }
    Button delete = new Button(Messages.text("grid.selection.delete"), Icons.of(Icons.TRASH));
    delete.setId("delete-images");
    delete.getStyleClass().add("danger");
    delete.setOnAction(e -> confirmDelete());
    Button open = new Button(Messages.text("grid.selection.open"), Icons.of(Icons.NEXT));
    open.setId("open-selected");
    open.setOnAction(e -> model.openFocused());
    Button clear = new Button(Messages.text("grid.selection.clear"), Icons.of(Icons.CLOSE));
    clear.getStyleClass().add("flat");
    clear.setOnAction(e -> model.selection().clear());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(8, count, open, move, delete, spacer, clear);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 12, 6, 12));
    bar.getStyleClass().add("selection-bar");
    bar.visibleProperty().bind(Bindings.notEqual(0, model.selection().countProperty()));
    bar.managedProperty().bind(bar.visibleProperty());
    return bar;
  }

  /** A slider value on the nearest step. */
  private static int snap(double value) {
    int steps = (int) Math.round((value - AppSettings.MIN_THUMBNAIL) / SIZE_STEP);
    return Math.min(AppSettings.MAX_THUMBNAIL, AppSettings.MIN_THUMBNAIL + steps * SIZE_STEP);
  }

  /** Deleting images cannot be undone (the trash keeps datasets, not images): ask first. */
  private void confirmDelete() {
    int n = model.selection().count();
    javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
        javafx.scene.control.Alert.AlertType.CONFIRMATION,
        Messages.text("grid.delete.text", n, model.dataset().name()),
        javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
    confirm.setHeaderText(Messages.text("grid.delete.header"));
    if (getScene() != null) {
      confirm.initOwner(getScene().getWindow());
      confirm.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
    }
    confirm.showAndWait()
        .filter(b -> b == javafx.scene.control.ButtonType.OK)
        .ifPresent(b -> model.deleteSelected());
  }

  private void fillClasses(Dataset d) {
    classes.getItems().clear();
    if (d == null) {
      return;
    }
    for (int id = 0; id < d.classNames().size(); id++) {
      int classId = id;
      CheckMenuItem item = new CheckMenuItem(id + "  " + d.classNames().get(id));
      item.setSelected(model.classIds().contains(id));
      item.selectedProperty()
          .addListener((o, was, on) -> {
            if (on) {
              model.classIds().add(classId);
            } else {
              model.classIds().remove(classId);
            }
          });
      classes.getItems().add(item);
    }
    classes.setDisable(d.classNames().isEmpty());
    updateClassesText();
  }

  private void updateClassesText() {
    int n = model.classIds().size();
    classes.setText(n == 0 ? Messages.text("grid.classes.all") : Messages.text("grid.classes.some", n));
    if (n == 0) {
      classes.getItems().forEach(i -> ((CheckMenuItem) i).setSelected(false));
    }
  }

  /** The sort's name in the sort box: the message {@code grid.sort.<api name>} ("Name ↑"). */
  static String sortName(ImageSort s) {
    return Messages.text("grid.sort." + s.apiName());
  }

  @SafeVarargs
  private static <T> List<T> nullable(T... values) {
    return List.of(values);
  }

  /** A filter choice whose empty value (null) reads {@code anyText}. */
  private static <T> ComboBox<T> choice(
      String id, List<T> values, String anyText, java.util.function.Function<T, String> text) {
    ComboBox<T> box = new ComboBox<>();
    box.setId(id);
    box.getStyleClass().add("filter");
    box.getItems().add(null);
    box.getItems().addAll(values);
    box.setConverter(ShownAs.text(text, anyText));
    box.setButtonCell(cell(anyText, text));
    box.setCellFactory(v -> cell(anyText, text));
    return box;
  }

  private static <T> javafx.scene.control.ListCell<T> cell(
      String anyText, java.util.function.Function<T, String> text) {
    return new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? anyText : item == null ? anyText : text.apply(item));
      }
    };
  }
}
