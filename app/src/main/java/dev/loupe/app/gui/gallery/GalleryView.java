package dev.loupe.app.gui.gallery;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.core.domain.Split;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The gallery panel: the selected images as a scrolling list of thumbnails (double-click or Enter
 * opens one in the labeling area), and the actions on all of them: open, move to a split, delete, undo
 * the last move (its tooltip says which) (after a question, as the grid asks). State and work live in {@link GalleryViewModel}.
 */
public final class GalleryView extends VBox {
  static final double THUMB = 72;
  private static final PseudoClass[] SPLITS = {
    PseudoClass.getPseudoClass("train"), PseudoClass.getPseudoClass("val"), PseudoClass.getPseudoClass("test")
  };

  private final GalleryViewModel model;
  private final ListView<GalleryImage> list = new ListView<>();

  /** {@code onClose} runs when the panel's close button is pressed (the map clears its selection). */
  public GalleryView(GalleryViewModel model, ThumbnailCache thumbnails, Runnable onClose) {
    this.model = model;
    setId("gallery");
    getStyleClass().add("gallery-panel");
    Label title = new Label();
    title.setId("gallery-title");
    title.getStyleClass().add("gallery-title");
    title.textProperty().bind(model.titleProperty());
    Button close = new Button(null, Icons.of(Icons.CLOSE));
    close.setId("gallery-close");
    close.getStyleClass().add("flat");
    close.setOnAction(e -> onClose.run());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(6, title, spacer);
    header.setAlignment(Pos.CENTER_LEFT);

    Button open = new Button(Messages.text("grid.selection.open"), Icons.of(Icons.NEXT));
    open.setId("gallery-open");
    open.setOnAction(e -> model.open(Math.max(0, list.getSelectionModel().getSelectedIndex())));
    MenuButton move = new MenuButton(Messages.text("gallery.move"), Icons.of(Icons.SPLIT));
    move.setId("gallery-move");
    for (Split s : Split.values()) {
      String name = s.apiName();
      MenuItem item = new MenuItem(Messages.text("split." + name));
      item.setId("gallery-move-" + name);
      item.setOnAction(e -> model.moveTo(s));
      move.getItems().add(item);
    }
    Button undo = new Button(Messages.text("gallery.undo"));
    undo.setId("gallery-undo");
    Tooltip undoTip = new Tooltip();
    undoTip.textProperty().bind(model.undoTextProperty());
    undo.setTooltip(undoTip);
    undo.disableProperty().bind(model.canUndoProperty().not().or(model.busyProperty()));
    Button delete = new Button(null, Icons.of(Icons.TRASH));
    delete.setId("gallery-delete");
    delete.getStyleClass().add("danger");
    delete.setTooltip(new javafx.scene.control.Tooltip(Messages.text("gallery.delete.tip")));
    delete.setOnAction(e -> confirmDelete());
    for (var b : new Control[] {open, move, delete}) {
      b.disableProperty().bind(model.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(model.images())));
    }
    undo.getStyleClass().add("flat");
    header.getChildren().addAll(undo, close);
    for (var c : new Control[] {open, move, delete, undo, close}) {
      c.setMinWidth(Region.USE_PREF_SIZE);
    }
    HBox actions = new HBox(6, open, move, delete);
    actions.setAlignment(Pos.CENTER_LEFT);

    list.setId("gallery-list");
    list.getStyleClass().add("gallery-list");
    list.setItems(model.images());
    list.setCellFactory(v -> new Cell(thumbnails));
    list.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        model.open(list.getSelectionModel().getSelectedIndex());
        e.consume();
      }
    });
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(header, actions, list);
    setSpacing(8);
    setPadding(new Insets(10));
    setPrefWidth(300);
    setMinWidth(240);
  }

  public ListView<GalleryImage> list() {
    return list;
  }

  private void confirmDelete() {
    int n = model.images().size();
    Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
        Messages.text("gallery.delete.text", n),
        ButtonType.OK, ButtonType.CANCEL);
    confirm.setHeaderText(Messages.text("grid.delete.header"));
    if (getScene() != null) {
      confirm.initOwner(getScene().getWindow());
      confirm.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
    }
    confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete());
  }

  /** A row: the thumbnail, the file name and the split. */
  private final class Cell extends ListCell<GalleryImage> {
    private final ThumbnailView thumb;
    private final Label name = new Label();
    private final Label split = new Label();
    private final HBox row;

    Cell(ThumbnailCache thumbnails) {
      thumb = new ThumbnailView(thumbnails, THUMB);
      name.getStyleClass().add("gallery-name");
      split.getStyleClass().addAll("badge", "badge-split");
      VBox text = new VBox(4, name, split);
      text.setAlignment(Pos.CENTER_LEFT);
      javafx.scene.layout.StackPane frame = new javafx.scene.layout.StackPane(thumb);
      frame.getStyleClass().add("tile-frame");
      frame.setMinSize(THUMB + 8, THUMB + 8);
      frame.setPrefSize(THUMB + 8, THUMB + 8);
      row = new HBox(10, frame, text);
      row.setAlignment(Pos.CENTER_LEFT);
      getStyleClass().add("gallery-cell");
      setOnMouseClicked(e -> {
        if (e.getClickCount() == 2 && !isEmpty()) {
          model.open(getIndex());
        }
      });
    }

    @Override
    protected void updateItem(GalleryImage item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        thumb.show(null);
        setGraphic(null);
        setId(null);
        return;
      }
      setId("gallery-item-" + getIndex());
      thumb.show(item.hash());
      name.setText(item.filename());
      split.setText(item.split().apiName());
      for (Split s : Split.values()) {
        split.pseudoClassStateChanged(SPLITS[s.ordinal()], s == item.split());
      }
      setGraphic(row);
    }
  }
}
