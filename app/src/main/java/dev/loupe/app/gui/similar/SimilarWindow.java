package dev.loupe.app.gui.similar;

import dev.loupe.app.gui.gallery.ThumbnailView;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.core.insight.SimilarImage;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window of the images nearest to one image: the image itself, then its neighbours as thumbnails
 * with their distance, nearest first. Clicking one opens it in the labeling area. Not modal: several
 * can be open beside the main window.
 */
public final class SimilarWindow extends BorderPane {
  static final double THUMB = 120;

  private final SimilarViewModel model;
  private final ThumbnailCache thumbnails;
  private final FlowPane tiles = new FlowPane(10, 10);

  public SimilarWindow(SimilarViewModel model, ThumbnailCache thumbnails) {
    this.model = model;
    this.thumbnails = thumbnails;
    setId("similar-window");
    getStyleClass().add("similar-window");
    ThumbnailView self = new ThumbnailView(thumbnails, 64);
    self.show(model.request().hash());
    Label title = new Label(model.title());
    title.getStyleClass().add("similar-title");
    Label message = new Label();
    message.setId("similar-message");
    message.getStyleClass().add("form-hint");
    message.textProperty().bind(model.messageProperty());
    message.visibleProperty().bind(model.messageProperty().isNotNull());
    message.managedProperty().bind(message.visibleProperty());
    HBox header = new HBox(12, frame(self, 64), new VBox(4, title, message));
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(12));
    header.getStyleClass().add("similar-header");
    setTop(header);
    tiles.setPadding(new Insets(12));
    tiles.getStyleClass().add("similar-tiles");
    ScrollPane scroll = new ScrollPane(tiles);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("similar-scroll");
    setCenter(scroll);
    model.results().addListener((ListChangeListener<SimilarImage>) c -> fill());
    fill();
  }

  /** Shows a window for {@code model} over {@code owner} and starts the search. */
  public static Stage show(Window owner, SimilarViewModel model, ThumbnailCache thumbnails) {
    SimilarWindow view = new SimilarWindow(model, thumbnails);
    Stage stage = new Stage();
    stage.initOwner(owner);
    stage.setTitle(model.title());
    Scene scene = new Scene(view, 760, 560);
    if (owner != null && owner.getScene() != null) {
      scene.getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    stage.setScene(scene);
    stage.show();
    model.load();
    return stage;
  }

  private void fill() {
    tiles.getChildren().clear();
    for (int i = 0; i < model.results().size(); i++) {
      SimilarImage r = model.results().get(i);
      ThumbnailView thumb = new ThumbnailView(thumbnails, THUMB);
      thumb.show(r.hash());
      Label name = new Label(r.filename());
      name.getStyleClass().add("tile-name");
      name.setMaxWidth(THUMB);
      Label distance = new Label(SimilarViewModel.distanceText(r.distance()));
      distance.getStyleClass().add("similar-distance");
      VBox tile = new VBox(4, frame(thumb, THUMB), name, distance);
      tile.setAlignment(Pos.TOP_CENTER);
      tile.setId("similar-" + i);
      tile.getStyleClass().add("image-tile");
      int index = i;
      tile.setOnMouseClicked(e -> model.open(index));
      tiles.getChildren().add(tile);
    }
  }

  private static StackPane frame(ThumbnailView view, double size) {
    StackPane frame = new StackPane(view);
    frame.getStyleClass().add("tile-frame");
    frame.setMinSize(size + 8, size + 8);
    frame.setPrefSize(size + 8, size + 8);
    frame.setMaxSize(size + 8, size + 8);
    return frame;
  }
}
