package dev.loupe.app.gui.grid;

import dev.loupe.core.domain.ImageRecord;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * A virtualized grid of image tiles: a {@link VirtualFlow} of rows, each as many tiles wide as fit.
 * Only the rows on screen exist; each asks the view model for its records by position (fetching
 * their page if needed) and the thumbnail cache for its images. Mouse and keyboard follow a file
 * manager: click, Ctrl/Shift-click, Ctrl+A, arrows, Enter or double-click to open.
 */
public final class ThumbnailGrid extends StackPane {
  static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  static final PseudoClass FOCUSED_TILE = PseudoClass.getPseudoClass("focused-tile");
  static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
  static final double GAP = 8;

  private final DatasetViewModel model;
  private final ThumbnailCache thumbnails;
  private final VirtualFlow<Row> flow = new VirtualFlow<>();
  private final List<Row> rows = new ArrayList<>();
  private int columns = 1;

  public ThumbnailGrid(DatasetViewModel model, ThumbnailCache thumbnails) {
    this.model = model;
    this.thumbnails = thumbnails;
    getStyleClass().add("thumbnail-grid");
    setFocusTraversable(true);
    flow.setFixedCellSize(ImageTile.HEIGHT + GAP);
    flow.setCellFactory(f -> newRow());
    getChildren().add(flow);
    widthProperty().addListener(x -> layoutColumns());
    model.totalProperty().addListener(x -> layoutColumns());
    model.pagesVersionProperty().addListener(x -> repaint());
    model.selection().changesProperty().addListener(x -> repaint());
    model.selection().focusProperty().addListener(x -> repaint());
    addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
  }

  /** How many tiles a row holds at the current width. */
  public int columns() {
    return columns;
  }

  /**
   * Scrolls so that grid position {@code index} is visible. A far jump sets the position directly:
   * a stand-alone VirtualFlow's scrollTo of a far row leaves the viewport empty (JavaFX 21).
   */
  public void reveal(int index) {
    if (index < 0) {
      return;
    }
    int row = index / columns;
    int[] shown = shownRange();
    if (shown != null && row >= shown[0] / columns - 1 && row <= shown[1] / columns + 1) {
      flow.scrollTo(row);
    } else {
      jumpToRow(row);
    }
  }

  /** Shows row {@code row} near the top (the scroll bar dragged there). */
  public void jumpToRow(int row) {
    flow.setPosition(flow.getCellCount() <= 1 ? 0 : Math.min(1, row / (double) (flow.getCellCount() - 1)));
  }

  /**
   * The grid positions of the rows on screen, {@code {first, lastExclusive}} (clipped to the total),
   * or null before the first layout.
   */
  public int[] shownRange() {
    int first = Integer.MAX_VALUE;
    int last = -1;
    for (Row row : rows) {
      if (!row.isVisible() || row.getIndex() < 0 || row.getScene() == null) {
        continue;
      }
      javafx.geometry.Bounds b = flow.sceneToLocal(row.localToScene(row.getBoundsInLocal()));
      if (b.getMaxY() > 0 && b.getMinY() < flow.getHeight()) {
        first = Math.min(first, row.getIndex());
        last = Math.max(last, row.getIndex());
      }
    }
    if (last < 0) {
      return null;
    }
    long total = model.totalProperty().get();
    return new int[] {(int) Math.min(total, (long) first * columns), (int) Math.min(total, (long) (last + 1) * columns)};
  }

  /** The flow of rows (the benchmark scrolls it). */
  public VirtualFlow<?> flow() {
    return flow;
  }

  private void layoutColumns() {
    double width = getWidth() - 24; // the vertical scroll bar
    int fit = Math.max(1, (int) ((width - GAP) / (ImageTile.WIDTH + GAP)));
    long total = model.totalProperty().get();
    int rowCount = (int) Math.min(Integer.MAX_VALUE, (total + fit - 1) / fit);
    boolean changed = fit != columns;
    columns = fit;
    if (flow.getCellCount() != rowCount) {
      flow.setCellCount(rowCount);
    }
    if (changed) {
      for (Row row : rows) {
        row.rebuild();
      }
    }
    repaint();
  }

  /** Repaints every row on screen (a page arrived, the selection changed). */
  private void repaint() {
    for (Row row : rows) {
      if (row.isVisible()) {
        row.paint();
      }
    }
  }

  private Row newRow() {
    Row row = new Row();
    rows.add(row);
    return row;
  }

  private void keyPressed(KeyEvent e) {
    ImageSelection selection = model.selection();
    int focus = selection.focusProperty().get();
    int size = selection.size();
    int next = focus;
    switch (e.getCode()) {
      case A -> {
        if (e.isShortcutDown()) {
          selection.selectAll();
          e.consume();
        }
        return;
      }
      case ENTER -> {
        model.openFocused();
        e.consume();
        return;
      }
      case ESCAPE -> {
        selection.clear();
        e.consume();
        return;
      }
      case RIGHT -> next = focus + 1;
      case LEFT -> next = focus - 1;
      case DOWN -> next = focus + columns;
      case UP -> next = focus - columns;
      case HOME -> next = 0;
      case END -> next = size - 1;
      default -> {
        return;
      }
    }
    e.consume();
    if (size == 0) {
      return;
    }
    next = Math.max(0, Math.min(size - 1, focus < 0 ? 0 : next));
    if (e.isShiftDown()) {
      selection.extendTo(next, e.isShortcutDown());
    } else {
      selection.select(next);
    }
    reveal(next);
  }

  private void clicked(ImageTile tile, MouseEvent e) {
    int index = tile.index();
    if (index < 0 || e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    ImageSelection selection = model.selection();
    if (e.getClickCount() == 2) {
      selection.select(index);
      model.openAt(index);
    } else if (e.isShiftDown()) {
      selection.extendTo(index, e.isShortcutDown());
    } else if (e.isShortcutDown()) {
      selection.toggle(index);
    } else {
      selection.select(index);
    }
    e.consume();
  }

  /** One row of tiles; its index is the row number. */
  private final class Row extends IndexedCell<Void> {
    private final HBox box = new HBox(GAP);

    Row() {
      getStyleClass().add("grid-row");
      box.setPadding(new Insets(GAP / 2, GAP, GAP / 2, GAP));
      setGraphic(box);
      setText(null);
      rebuild();
    }

    void rebuild() {
      while (box.getChildren().size() < columns) {
        ImageTile tile = new ImageTile();
        tile.setOnMouseClicked(e -> clicked(tile, e));
        box.getChildren().add(tile);
      }
      if (box.getChildren().size() > columns) {
        box.getChildren().remove(columns, box.getChildren().size());
      }
      paint();
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
      return new javafx.scene.control.skin.CellSkinBase<>(this);
    }

    @Override
    public void updateIndex(int i) {
      super.updateIndex(i);
      paint();
    }

    void paint() {
      int row = getIndex();
      long total = model.totalProperty().get();
      ImageSelection selection = model.selection();
      int focus = selection.focusProperty().get();
      for (int c = 0; c < box.getChildren().size(); c++) {
        ImageTile tile = (ImageTile) box.getChildren().get(c);
        long at = (long) row * columns + c;
        if (row < 0 || at >= total) {
          tile.show(-1, null, null, false, false);
          continue;
        }
        int index = (int) at;
        ImageRecord record = model.record(index);
        Image image = null;
        if (record != null) {
          image = thumbnails.cached(record.hash());
          if (image == null) {
            String hash = record.hash();
            thumbnails.request(hash, () -> tile.imageReady(hash, thumbnails.cached(hash)));
          }
        }
        tile.show(index, record, image, selection.isSelected(index), index == focus);
      }
    }
  }
}
