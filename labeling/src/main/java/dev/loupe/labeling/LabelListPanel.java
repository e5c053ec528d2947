package dev.loupe.labeling;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PolygonLabel;
import dev.loupe.labeling.canvas.LabelCanvas;
import dev.loupe.labeling.model.LabelDocument;
import dev.loupe.labeling.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The labels of the image: selecting here selects on the canvas (and back), hovering a row
 * highlights its label, and each row can hide or lock its label or change its class.
 */
final class LabelListPanel extends VBox {
  private final ListView<Shape> list = new ListView<>();
  private final LabelCanvas canvas;
  private final List<String> classNames;
  private final ClassPalette palette;
  private final BiConsumer<Long, Integer> changeClass;
  private final Runnable documentListener = this::refresh;
  private LabelDocument document;
  private boolean syncing;

  LabelListPanel(LabelCanvas canvas, List<String> classNames, ClassPalette palette, BiConsumer<Long, Integer> changeClass) {
    this.canvas = canvas;
    this.classNames = classNames;
    this.palette = palette;
    this.changeClass = changeClass;
    list.setId("label-list");
    list.setFocusTraversable(false);
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(view -> new Row());
    list.setMinWidth(0);
    list.getSelectionModel().getSelectedItems().addListener(
        (javafx.collections.ListChangeListener<Shape>) c -> {
          if (!syncing) {
            syncing = true;
            try {
              List<Long> ids = new ArrayList<>();
              for (Shape s : list.getSelectionModel().getSelectedItems()) {
                if (s != null) {
                  ids.add(s.id());
                }
              }
              canvas.selection().retainAll(ids);
              canvas.selection().addAll(ids);
            } finally {
              syncing = false;
            }
          }
        });
    canvas.selection().addListener((SetChangeListener<Long>) c -> showSelection());
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(new javafx.scene.control.Label(Messages.text("labels.title")), list);
    setSpacing(4);
    setPadding(new Insets(6));
  }

  void setDocument(LabelDocument newDocument) {
    if (document != null) {
      document.removeListener(documentListener);
    }
    document = newDocument;
    document.addListener(documentListener);
    refresh();
  }

  private void refresh() {
    syncing = true;
    try {
      list.getItems().setAll(document.shapes());
    } finally {
      syncing = false;
    }
    showSelection();
  }

  private void showSelection() {
    if (syncing) {
      return;
    }
    syncing = true;
    try {
      list.getSelectionModel().clearSelection();
      List<Shape> items = list.getItems();
      int[] selected = new int[canvas.selection().size()];
      int n = 0;
      for (int i = 0; i < items.size() && n < selected.length; i++) {
        if (canvas.selection().contains(items.get(i).id())) {
          selected[n++] = i;
        }
      }
      if (n > 0) {
        list.getSelectionModel().selectIndices(selected[0], java.util.Arrays.copyOfRange(selected, 1, n));
        list.scrollTo(selected[n - 1]);
      }
    } finally {
      syncing = false;
    }
  }

  static String kind(Label label) {
    if (label instanceof BoxLabel) {
      return Messages.text("labels.kind.box");
    }
    if (label instanceof PolygonLabel p) {
      return Messages.text("labels.kind.polygon", p.vertexCount());
    }
    if (label instanceof ObbLabel) {
      return Messages.text("labels.kind.obb");
    }
    if (label instanceof ClassLabel) {
      return Messages.text("labels.kind.classLabel");
    }
    return Messages.text("labels.kind.pose");
  }

  private final class Row extends ListCell<Shape> {
    private final Rectangle swatch = new Rectangle(10, 10);
    private final javafx.scene.control.Label text = new javafx.scene.control.Label();
    private final CheckBox hide = new CheckBox();
    private final CheckBox lock = new CheckBox();
    private final javafx.scene.control.Button classButton = new javafx.scene.control.Button();

    Row() {
      hide.setTooltip(new Tooltip(Messages.text("labels.hide")));
      lock.setTooltip(new Tooltip(Messages.text("labels.lock")));
      hide.getStyleClass().add("hide-toggle");
      lock.getStyleClass().add("lock-toggle");
      classButton.setFocusTraversable(false);
      classButton.getStyleClass().add("class-button");
      classButton.setTooltip(new Tooltip(Messages.text("labels.changeClass")));
      // the row fits the list's width: the kind and the class shrink (with an ellipsis) before the
      // hide and lock boxes would be cut off
      classButton.setMinWidth(40);
      classButton.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(classButton, Priority.SOMETIMES);
      HBox.setHgrow(text, Priority.ALWAYS);
      text.setMaxWidth(Double.MAX_VALUE);
      text.setMinWidth(20);
      hide.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      lock.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      hide.setOnAction(e -> document.setHidden(getItem().id(), hide.isSelected()));
      lock.setOnAction(e -> document.setLocked(getItem().id(), lock.isSelected()));
      classButton.setOnAction(
          e -> {
            Shape shape = getItem();
            if (shape != null) {
              ClassPicker.popup(classButton, classNames, palette, shape.label().classId(), chosen -> {
                if (chosen != shape.label().classId()) {
                  changeClass.accept(shape.id(), chosen);
                }
              });
            }
          });
      setOnMouseEntered(e -> {
        if (getItem() != null) {
          canvas.hoveredProperty().set(getItem().id());
        }
      });
      setOnMouseExited(e -> canvas.hoveredProperty().set(null));
    }

    @Override
    protected void updateItem(Shape shape, boolean empty) {
      super.updateItem(shape, empty);
      if (empty || shape == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      swatch.setFill(palette.colorOf(shape.label().classId()));
      boolean pending = document.isPending(shape.id());
      double confidence = document.confidence(shape.id());
      text.setText((getIndex() + 1) + "  " + kind(shape.label()) + (!pending ? ""
          : "  " + (Double.isNaN(confidence) ? Messages.text("labels.toReview")
              : Messages.text("labels.confidenceToReview", String.format(java.util.Locale.ROOT, "%.2f", confidence)))));
      hide.setSelected(document.isHidden(shape.id()));
      lock.setSelected(document.isLocked(shape.id()));
      int classId = shape.label().classId();
      classButton.setText(classId + " " + (classId >= 0 && classId < classNames.size() ? classNames.get(classId) : "?"));
      HBox row = new HBox(6, swatch, text, classButton, hide, lock);
      row.setMinWidth(0);
      row.prefWidthProperty().bind(list.widthProperty().subtract(28)); // inside the cell and its scroll bar
      row.maxWidthProperty().bind(row.prefWidthProperty());
      row.setAlignment(Pos.CENTER_LEFT);
      setGraphic(row);
      setText(null);
    }
  }
}
