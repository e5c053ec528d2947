package dev.loupe.app.gui.grid;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One image of the grid: the thumbnail (a placeholder until it is decoded), the file name, and badges
 * for the split, the label count and an error. Tiles are reused as the grid scrolls.
 */
final class ImageTile extends VBox {
  /** Width and height a tile adds around its thumbnail (padding, the file name). */
  static final double EXTRA_WIDTH = 16;
  static final double EXTRA_HEIGHT = 40;

  private static final PseudoClass[] SPLITS = {
    PseudoClass.getPseudoClass("train"), PseudoClass.getPseudoClass("val"), PseudoClass.getPseudoClass("test")
  };

  private final ImageView view = new ImageView();
  private final StackPane frame = new StackPane();
  private final Label splitBadge = new Label();
  private final Label labelsBadge = new Label();
  private final Label errorBadge = new Label("!");
  private final Label name = new Label();
  private final Tooltip tooltip = new Tooltip();
  private int index = -1;
  private String hash;

  /** A tile whose thumbnail is {@code image} pixels wide and high. */
  ImageTile(double image) {
    getStyleClass().add("image-tile");
    setAlignment(Pos.TOP_CENTER);
    view.setPreserveRatio(true);
    view.setSmooth(true);
    frame.getStyleClass().add("tile-frame");
    splitBadge.getStyleClass().addAll("badge", "badge-split");
    labelsBadge.getStyleClass().addAll("badge", "badge-labels");
    errorBadge.getStyleClass().addAll("badge", "badge-error");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(4, splitBadge, spacer, labelsBadge);
    top.setPickOnBounds(false);
    top.setMaxHeight(Region.USE_PREF_SIZE);
    StackPane.setAlignment(top, Pos.TOP_CENTER);
    StackPane.setAlignment(errorBadge, Pos.BOTTOM_RIGHT);
    frame.getChildren().addAll(view, top, errorBadge);
    name.getStyleClass().add("tile-name");
    getChildren().addAll(frame, name);
    Tooltip.install(this, tooltip);
    setImageSize(image);
  }

  /** Makes the thumbnail {@code image} pixels wide and high (the grid's size slider). */
  void setImageSize(double image) {
    setMinSize(image + EXTRA_WIDTH, image + EXTRA_HEIGHT);
    setPrefSize(image + EXTRA_WIDTH, image + EXTRA_HEIGHT);
    setMaxSize(image + EXTRA_WIDTH, image + EXTRA_HEIGHT);
    view.setFitWidth(image);
    view.setFitHeight(image);
    frame.setMinSize(image, image);
    frame.setPrefSize(image, image);
    frame.setMaxSize(image, image);
    name.setMaxWidth(image);
  }

  int index() {
    return index;
  }

  String hash() {
    return hash;
  }

  /** Shows {@code record} (null: a placeholder while its page loads) at grid position {@code i}. */
  void show(int i, ImageRecord record, Image image, boolean selected, boolean focused) {
    index = i;
    setId(i >= 0 ? "tile-" + i : null);
    setVisible(i >= 0);
    pseudoClassStateChanged(ThumbnailGrid.SELECTED, selected);
    pseudoClassStateChanged(ThumbnailGrid.FOCUSED_TILE, focused);
    if (record == null) {
      hash = null;
      view.setImage(null);
      name.setText("");
      splitBadge.setVisible(false);
      labelsBadge.setVisible(false);
      errorBadge.setVisible(false);
      return;
    }
    hash = record.hash();
    view.setImage(image);
    name.setText(record.filename());
    splitBadge.setVisible(true);
    splitBadge.setText(record.split().apiName());
    for (Split s : Split.values()) {
      splitBadge.pseudoClassStateChanged(SPLITS[s.ordinal()], s == record.split());
    }
    labelsBadge.setVisible(true);
    labelsBadge.setText(Integer.toString(record.labelCount()));
    labelsBadge.pseudoClassStateChanged(ThumbnailGrid.EMPTY, record.labelCount() == 0);
    errorBadge.setVisible(record.hasError());
    tooltip.setText(
        Messages.text("grid.tile.tip", record.filename(), String.valueOf(record.width()),
                String.valueOf(record.height()), String.valueOf(record.labelCount()), record.split().apiName())
            + (record.hasError() ? Messages.text("grid.tile.error", record.errorReason()) : ""));
  }

  /** Sets the thumbnail when it arrives, if the tile still shows that image. */
  void imageReady(String forHash, Image image) {
    if (forHash.equals(hash)) {
      view.setImage(image);
    }
  }
}
