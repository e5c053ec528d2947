package dev.loupe.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PopupControl;
import javafx.scene.control.Skin;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;

/**
 * A searchable list of classes, for every place a class is chosen (80 classes make a drop-down
 * unusable): type to filter by name or id, Up and Down move, Enter or a click picks. Each row shows
 * the class id (the number key that picks it, 0-9) and, with a palette, its colour.
 */
public final class ClassPicker extends VBox {
  private final List<String> names;
  private final ClassPalette palette;
  private final TextField filter = new TextField();
  private final ObservableList<Integer> all = FXCollections.observableArrayList();
  private final FilteredList<Integer> shown = new FilteredList<>(all);
  private final ListView<Integer> list = new ListView<>(shown);
  private IntConsumer onPick = id -> {};

  /** A picker over all the classes; {@code palette} may be null (no colours). */
  public ClassPicker(List<String> classNames, ClassPalette palette) {
    this.names = List.copyOf(classNames);
    this.palette = palette;
    getStyleClass().add("class-picker");
    filter.setId("class-filter");
    filter.setPromptText(Messages.text("classPicker.filter.prompt"));
    list.setId("class-choices");
    list.setFocusTraversable(false);
    list.setCellFactory(view -> new Row());
    list.setPrefHeight(Math.min(320, 26 * Math.max(3, names.size()) + 4));
    VBox.setVgrow(list, Priority.ALWAYS);
    filter.textProperty().addListener((obs, old, now) -> refilter());
    filter.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
      switch (e.getCode()) {
        case DOWN -> move(1);
        case UP -> move(-1);
        case PAGE_DOWN -> move(10);
        case PAGE_UP -> move(-10);
        case ENTER -> {
          if (!pickHighlighted()) {
            return;
          }
        }
        case ESCAPE -> {
          if (filter.getText().isEmpty()) {
            return;
          }
          filter.clear();
        }
        default -> {
          return;
        }
      }
      e.consume();
    });
    list.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
        onPick.accept(list.getSelectionModel().getSelectedItem());
      }
    });
    setSpacing(4);
    getChildren().addAll(filter, list);
    setChoices(null);
  }

  /** Offers only these class ids (null: all of them). */
  public void setChoices(List<Integer> ids) {
    List<Integer> choices = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (ids == null || ids.contains(i)) {
        choices.add(i);
      }
    }
    all.setAll(choices);
    refilter();
  }

  /** What runs when a class is picked (Enter, or a click). */
  public void setOnPick(IntConsumer action) {
    onPick = action;
  }

  /** The field to type into (focus it to search). */
  public TextField filterField() {
    return filter;
  }

  /** The class ids shown now, in order. */
  public List<Integer> shownClasses() {
    return List.copyOf(shown);
  }

  /** The class Enter would pick, or -1. */
  public int highlighted() {
    Integer id = list.getSelectionModel().getSelectedItem();
    return id == null ? -1 : id;
  }

  /** Highlights a class without picking it (the current one). */
  public void highlight(int classId) {
    list.getSelectionModel().select(Integer.valueOf(classId));
    int at = shown.indexOf(classId);
    if (at >= 0) {
      list.scrollTo(at);
    }
  }

  /** Whether a filter text matches a class: part of its name (any case), or its id exactly. */
  static boolean matches(String text, int id, String name) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    return wanted.isEmpty() || Integer.toString(id).equals(wanted) || name.toLowerCase(Locale.ROOT).contains(wanted);
  }

  private void refilter() {
    Integer before = list.getSelectionModel().getSelectedItem();
    String text = filter.getText() == null ? "" : filter.getText();
    shown.setPredicate(id -> matches(text, id, names.get(id)));
    if (text.isBlank() && before != null && shown.contains(before)) {
      list.getSelectionModel().select(before);
    } else if (!shown.isEmpty()) {
      // an exact id first, else the first match
      int exact = shown.indexOf(parseId(text));
      list.getSelectionModel().select(exact >= 0 ? exact : 0);
      list.scrollTo(list.getSelectionModel().getSelectedIndex());
    }
  }

  private static Integer parseId(String text) {
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void move(int step) {
    if (shown.isEmpty()) {
      return;
    }
    int at = Math.max(0, Math.min(shown.size() - 1, list.getSelectionModel().getSelectedIndex() + step));
    list.getSelectionModel().select(at);
    list.scrollTo(at);
  }

  private boolean pickHighlighted() {
    int id = highlighted();
    if (id < 0) {
      return false;
    }
    onPick.accept(id);
    return true;
  }

  /**
   * Shows a picker in a popup under {@code anchor}, its filter focused; a pick closes it and goes to
   * {@code picked}. Styled by the anchor's scene (the app's theme).
   */
  public static void popup(Node anchor, List<String> classNames, ClassPalette palette, int current, IntConsumer picked) {
    ClassPicker picker = new ClassPicker(classNames, palette);
    picker.setPrefWidth(Math.max(220, anchor.getBoundsInLocal().getWidth()));
    picker.setStyle("-fx-padding: 6; -fx-background-color: -fx-control-inner-background;"
        + " -fx-border-color: -fx-box-border; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.4), 10, 0, 0, 3);");
    picker.highlight(current);
    PopupControl popup = new PopupControl();
    popup.setAutoHide(true);
    popup.setSkin(new Skin<PopupControl>() {
      @Override
      public PopupControl getSkinnable() {
        return popup;
      }

      @Override
      public Node getNode() {
        return picker;
      }

      @Override
      public void dispose() {}
    });
    picker.setOnPick(id -> {
      popup.hide();
      picked.accept(id);
    });
    var bounds = anchor.localToScreen(anchor.getBoundsInLocal());
    popup.show(anchor, bounds.getMinX(), bounds.getMaxY());
    picker.filterField().requestFocus();
  }

  /**
   * Asks for a class in a dialog (a picker over {@code choices}, null: all); empty when cancelled.
   * {@code stylesheets} style it (the owner's theme).
   */
  public static Optional<Integer> choose(
      Window owner, String header, List<String> classNames, List<Integer> choices, List<String> stylesheets) {
    ClassPicker picker = new ClassPicker(classNames, null);
    picker.setChoices(choices);
    Dialog<Integer> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.setTitle(Messages.text("classPicker.dialog.title"));
    dialog.setHeaderText(header);
    dialog.getDialogPane().getStylesheets().setAll(stylesheets);
    dialog.getDialogPane().setContent(picker);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
    dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
        .bind(picker.list.getSelectionModel().selectedItemProperty().isNull());
    picker.setOnPick(id -> {
      dialog.setResult(id);
      dialog.close();
    });
    dialog.setResultConverter(button -> button == ButtonType.OK ? picker.highlighted() : null);
    dialog.setOnShown(e -> picker.filterField().requestFocus());
    return dialog.showAndWait();
  }

  private final class Row extends ListCell<Integer> {
    @Override
    protected void updateItem(Integer id, boolean empty) {
      super.updateItem(id, empty);
      if (empty || id == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      setText(id + "  " + names.get(id));
      setGraphic(palette == null ? null : new Rectangle(12, 12, palette.colorOf(id)));
    }
  }
}
