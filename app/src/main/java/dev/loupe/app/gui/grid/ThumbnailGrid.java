package dev.loupe.app.gui.grid;

import dev.loupe.app.gui.ContextMenus;
import dev.loupe.core.domain.ImageRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.Image;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * A virtualized grid of image tiles: rows of equal height, as many tiles wide as fit, and only the
 * rows on screen exist (a pool reused as the grid scrolls). The scroll position is a pixel offset in
 * a double, exact for a million images (35 million pixels of rows). Each row asks the view model for
 * its records by position (fetching their page if needed) and the thumbnail cache for its images.
 * Mouse and keyboard follow a file manager: click, Ctrl/Shift-click, Ctrl+A, arrows, Page Up/Down,
 * Home/End, Enter or double-click to open.
 *
 * <p>Not a {@code VirtualFlow}: used stand-alone, its {@code scrollTo} of a far row and its position
 * on a 166,667-row flow left the viewport empty (JavaFX 21), which the benchmark's jumps exposed.
 */
public final class ThumbnailGrid extends Region {
  static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
  static final PseudoClass FOCUSED_TILE = PseudoClass.getPseudoClass("focused-tile");
  static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
  static final double GAP = 8;
  /** The pixels of scroll one wheel notch sends (JavaFX's {@code ScrollEvent} multiplier). */
  static final double WHEEL_NOTCH = 40;
  /** How much of a row one wheel notch scrolls. */
  static final double ROWS_PER_NOTCH = 0.5;
  /** The thumbnail size before the slider is moved. */
  static final int DEFAULT_IMAGE = 160;

  private final DatasetViewModel model;
  private final ThumbnailCache thumbnails;
  private final ScrollBar bar = new ScrollBar();
  private final Pane viewport = new Pane();
  private final Rectangle clip = new Rectangle();
  private final List<Row> rows = new ArrayList<>();
  private final IntegerProperty imageSize = new SimpleIntegerProperty(DEFAULT_IMAGE);
  private IntFunction<ContextMenu> tileMenu = index -> null;
  private int columns = 1;
  private long rowCount;

  public ThumbnailGrid(DatasetViewModel model, ThumbnailCache thumbnails) {
    this.model = model;
    this.thumbnails = thumbnails;
    getStyleClass().add("thumbnail-grid");
    setFocusTraversable(true);
    bar.setOrientation(Orientation.VERTICAL);
    viewport.setClip(clip);
    viewport.getStyleClass().add("grid-viewport");
    getChildren().addAll(viewport, bar);
    bar.valueProperty().addListener(x -> placeRows(false));
    model.totalProperty().addListener(x -> requestLayout());
    model.pagesVersionProperty().addListener(x -> placeRows(true));
    model.selection().changesProperty().addListener(x -> placeRows(true));
    model.selection().focusProperty().addListener(x -> placeRows(true));
    addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    addEventHandler(ScrollEvent.SCROLL, e -> {
      scrollPixels(-e.getDeltaY() / WHEEL_NOTCH * ROWS_PER_NOTCH * rowHeight());
      e.consume();
    });
    imageSize.addListener((o, a, size) -> {
      int focus = model.selection().focusProperty().get();
      rows.forEach(Row::resize);
      requestLayout();
      layout();
      reveal(focus);
    });
  }

  /**
   * The thumbnails' edge in pixels; the column count follows it and the width. A change keeps the
   * focused image on screen.
   */
  public IntegerProperty imageSizeProperty() {
    return imageSize;
  }

  /** The context menu of the tile at a grid position (null: none); the tile is selected first. */
  public void setTileMenu(IntFunction<ContextMenu> value) {
    tileMenu = value;
  }

  /** A row's height: a tile and the gap under it. */
  public double rowHeight() {
    return imageSize.get() + ImageTile.EXTRA_HEIGHT + GAP;
  }

  /** How many tiles a row holds at the current width. */
  public int columns() {
    return columns;
  }

  /** Scrolls by {@code pixels} (down when positive), as the mouse wheel does. */
  public void scrollPixels(double pixels) {
    bar.setValue(Math.max(0, Math.min(bar.getMax(), bar.getValue() + pixels)));
  }

  /** Shows row {@code row} at the top (the scroll bar dragged there). */
  public void jumpToRow(long row) {
    bar.setValue(Math.max(0, Math.min(bar.getMax(), row * rowHeight())));
  }

  /** Scrolls the least that makes grid position {@code index} fully visible. */
  public void reveal(int index) {
    if (index < 0) {
      return;
    }
    double rowHeight = rowHeight();
    double top = (double) (index / columns) * rowHeight;
    double height = viewport.getHeight();
    if (top < bar.getValue()) {
      bar.setValue(top);
    } else if (top + rowHeight > bar.getValue() + height) {
      bar.setValue(Math.min(bar.getMax(), top + rowHeight - height));
    }
  }

  /**
   * The grid positions of the rows on screen, {@code {first, lastExclusive}} (clipped to the total),
   * or null before the first layout.
   */
  public int[] shownRange() {
    if (viewport.getHeight() <= 0 || rowCount == 0) {
      return null;
    }
    long total = model.totalProperty().get();
    double rowHeight = rowHeight();
    long firstRow = (long) (bar.getValue() / rowHeight);
    long lastRow = Math.min(rowCount - 1, (long) ((bar.getValue() + viewport.getHeight() - 1) / rowHeight));
    return new int[] {(int) Math.min(total, firstRow * columns), (int) Math.min(total, (lastRow + 1) * columns)};
  }

  @Override
  protected void layoutChildren() {
    double width = getWidth();
    double height = getHeight();
    double barWidth = bar.prefWidth(-1);
    bar.resizeRelocate(width - barWidth, 0, barWidth, height);
    viewport.resizeRelocate(0, 0, width - barWidth, height);
    clip.setWidth(width - barWidth);
    clip.setHeight(height);
    double rowHeight = rowHeight();
    int fit = Math.max(1, (int) ((width - barWidth - GAP) / (imageSize.get() + ImageTile.EXTRA_WIDTH + GAP)));
    boolean columnsChanged = fit != columns;
    columns = fit;
    long total = model.totalProperty().get();
    rowCount = (total + columns - 1) / columns;
    double content = rowCount * rowHeight;
    double max = Math.max(0, content - height);
    bar.setMin(0);
    bar.setMax(max);
    bar.setVisibleAmount(content <= 0 ? 1 : max * height / content);
    bar.setUnitIncrement(rowHeight / 2);
    bar.setBlockIncrement(Math.max(rowHeight, height - rowHeight));
    bar.setDisable(max == 0);
    if (bar.getValue() > max) {
      bar.setValue(max);
    }
    int needed = (int) Math.ceil(height / rowHeight) + 1;
    while (rows.size() < needed) {
      Row row = new Row();
      rows.add(row);
      viewport.getChildren().add(row);
    }
    while (rows.size() > needed) {
      viewport.getChildren().remove(rows.remove(rows.size() - 1));
    }
    if (columnsChanged) {
      rows.forEach(Row::rebuild);
    }
    placeRows(true);
  }

  /** Puts the pooled rows where the scroll position says and repaints those whose row changed. */
  private void placeRows(boolean repaintAll) {
    double offset = bar.getValue();
    double rowHeight = rowHeight();
    long firstRow = (long) (offset / rowHeight);
    for (int k = 0; k < rows.size(); k++) {
      Row row = rows.get(k);
      long index = firstRow + k;
      row.relocate(0, index * rowHeight - offset);
      row.setVisible(index < rowCount);
      if (repaintAll || row.index != index) {
        row.index = index;
        row.paint();
      }
    }
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
      case PAGE_DOWN -> next = focus + columns * Math.max(1, (int) (viewport.getHeight() / rowHeight()));
      case PAGE_UP -> next = focus - columns * Math.max(1, (int) (viewport.getHeight() / rowHeight()));
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

  /** One row of tiles at row number {@code index}. */
  private final class Row extends HBox {
    long index = -1;

    Row() {
      super(GAP);
      getStyleClass().add("grid-row");
      setPadding(new javafx.geometry.Insets(GAP / 2, GAP, GAP / 2, GAP));
      rebuild();
    }

    void rebuild() {
      while (getChildren().size() < columns) {
        ImageTile tile = new ImageTile(imageSize.get());
        tile.setOnMouseClicked(e -> clicked(tile, e));
        ContextMenus.attach(tile, () -> {
          int at = tile.index();
          if (at < 0) {
            return null;
          }
          if (!model.selection().isSelected(at)) {
            model.selection().select(at);
          }
          return tileMenu.apply(at);
        });
        getChildren().add(tile);
      }
      if (getChildren().size() > columns) {
        getChildren().remove(columns, getChildren().size());
      }
      index = -1;
    }

    /** The tiles take the new thumbnail size; the layout that follows fixes the column count. */
    void resize() {
      getChildren().forEach(t -> ((ImageTile) t).setImageSize(imageSize.get()));
      index = -1;
    }

    void paint() {
      long total = model.totalProperty().get();
      ImageSelection selection = model.selection();
      int focus = selection.focusProperty().get();
      for (int c = 0; c < getChildren().size(); c++) {
        ImageTile tile = (ImageTile) getChildren().get(c);
        long at = index * columns + c;
        if (index < 0 || index >= rowCount || at >= total) {
          tile.show(-1, null, null, false, false);
          continue;
        }
        int position = (int) at;
        ImageRecord record = model.record(position);
        Image image = null;
        if (record != null) {
          image = thumbnails.cached(record.hash());
          if (image == null) {
            String hash = record.hash();
            thumbnails.request(hash, () -> tile.imageReady(hash, thumbnails.cached(hash)));
          }
        }
        tile.show(position, record, image, selection.isSelected(position), position == focus);
      }
    }
  }
}
