package dev.loupe.app.gui.duplicates;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.gallery.ThumbnailView;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The duplicates window: a threshold slider (searching again when it is let go), a summary, and the
 * groups, each with its kind, its splits (a leak across splits is flagged), its images and the ways to
 * resolve it: keep one image (the others are deleted) or move the whole group to one split.
 */
public final class DuplicatesWindow extends BorderPane {
  static final PseudoClass LEAK = PseudoClass.getPseudoClass("leak");
  static final double THUMB = 96;
  private static final PseudoClass[] SPLITS = {
    PseudoClass.getPseudoClass("train"), PseudoClass.getPseudoClass("val"), PseudoClass.getPseudoClass("test")
  };

  private final DuplicatesViewModel model;
  private final ThumbnailCache thumbnails;

  public DuplicatesWindow(DuplicatesViewModel model, ThumbnailCache thumbnails) {
    this.model = model;
    this.thumbnails = thumbnails;
    setId("duplicates-window");
    getStyleClass().add("duplicates-window");
    Slider slider = new Slider(0, 1, model.thresholdProperty().get());
    slider.setId("duplicates-threshold");
    slider.setPrefWidth(260);
    slider.setShowTickMarks(true);
    slider.setMajorTickUnit(0.25);
    slider.setBlockIncrement(0.05);
    Label value = new Label();
    value.getStyleClass().add("form-hint");
    value.textProperty().bind(slider.valueProperty().asString(Locale.ROOT, "%.2f"));
    slider.valueChangingProperty().addListener((o, was, changing) -> {
      if (!changing) {
        model.thresholdProperty().set(slider.getValue());
      }
    });
    slider.valueProperty().addListener((o, was, now) -> {
      if (!slider.isValueChanging()) {
        model.thresholdProperty().set(now.doubleValue());
      }
    });
    Label thresholdLabel = new Label(Messages.text("duplicates.threshold"));
    thresholdLabel.getStyleClass().add("form-label");
    Label hint = new Label(Messages.text("duplicates.threshold.hint"));
    hint.getStyleClass().add("form-hint");
    Label summary = new Label();
    summary.setId("duplicates-summary");
    summary.getStyleClass().add("duplicates-summary");
    summary.textProperty().bind(model.summaryProperty());
    HBox controls = new HBox(10, thresholdLabel, slider, value, hint);
    controls.setAlignment(Pos.CENTER_LEFT);
    VBox top = new VBox(8, controls, summary);
    top.setPadding(new Insets(12));
    top.getStyleClass().add("duplicates-header");
    setTop(top);
    ListView<DuplicateGroup> list = new ListView<>(model.groups());
    list.setId("duplicates-list");
    list.getStyleClass().add("duplicates-list");
    list.setCellFactory(v -> new GroupCell());
    list.disableProperty().bind(model.busyProperty());
    setCenter(list);
  }

  /** Shows the window over {@code owner} and starts the first search. */
  public static Stage show(Window owner, DuplicatesViewModel model, ThumbnailCache thumbnails) {
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle(Messages.text("duplicates.title", model.dataset().name()));
    Scene scene = new Scene(new DuplicatesWindow(model, thumbnails), 900, 640);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    stage.show();
    model.refresh();
    return stage;
  }

  /** One group: what it is, its images (each can be the one kept) and "move all to". */
  private final class GroupCell extends ListCell<DuplicateGroup> {
    GroupCell() {
      getStyleClass().add("duplicate-group");
    }

    @Override
    protected void updateItem(DuplicateGroup group, boolean empty) {
      super.updateItem(group, empty);
      if (empty || group == null) {
        setGraphic(null);
        setId(null);
        pseudoClassStateChanged(LEAK, false);
        return;
      }
      setId("duplicate-group-" + getIndex());
      pseudoClassStateChanged(LEAK, group.crossSplit());
      Label what = new Label(DuplicatesViewModel.describe(group));
      what.getStyleClass().add("duplicate-title");
      MenuButton move = new MenuButton(Messages.text("duplicates.moveAll"), Icons.of(Icons.SPLIT));
      move.getStyleClass().add("flat");
      for (Split s : Split.values()) {
        MenuItem item = new MenuItem(s.apiName());
        item.setOnAction(e -> model.moveAll(group, s));
        move.getItems().add(item);
      }
      Region spacer = new Region();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      HBox header = new HBox(8, what, spacer, move);
      header.setAlignment(Pos.CENTER_LEFT);
      HBox images = new HBox(10);
      for (DuplicateImage image : group.images()) {
        images.getChildren().add(tile(group, image));
      }
      VBox box = new VBox(8, header, images);
      box.setPadding(new Insets(4, 4, 8, 4));
      setGraphic(box);
    }

    private VBox tile(DuplicateGroup group, DuplicateImage image) {
      ThumbnailView thumb = new ThumbnailView(thumbnails, THUMB);
      thumb.show(image.hash());
      StackPane frame = new StackPane(thumb);
      frame.getStyleClass().add("tile-frame");
      frame.setMinSize(THUMB + 8, THUMB + 8);
      frame.setPrefSize(THUMB + 8, THUMB + 8);
      frame.setMaxSize(THUMB + 8, THUMB + 8);
      Label split = new Label(image.split().apiName());
      split.getStyleClass().addAll("badge", "badge-split");
      for (Split s : Split.values()) {
        split.pseudoClassStateChanged(SPLITS[s.ordinal()], s == image.split());
      }
      StackPane.setAlignment(split, Pos.TOP_LEFT);
      frame.getChildren().add(split);
      Label name = new Label(image.filename());
      name.getStyleClass().add("tile-name");
      name.setMaxWidth(THUMB + 8);
      Button keep = new Button(Messages.text("duplicates.keep"));
      keep.getStyleClass().add("flat");
      keep.setOnAction(e -> model.keepOnly(group, image.hash()));
      VBox tile = new VBox(4, frame, name, keep);
      tile.setAlignment(Pos.TOP_CENTER);
      return tile;
    }
  }
}
