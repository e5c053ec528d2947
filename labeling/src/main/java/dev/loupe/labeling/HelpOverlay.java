package dev.loupe.labeling;

import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The list of keys over the canvas (F1 or ?): every action of the window's one keymap, the labeling
 * view's and the window's, as the user has them now. It fits the space it has (scrolling when the
 * view is small, descriptions wrapping); any key or click closes it.
 */
final class HelpOverlay extends StackPane {
  private static final double MARGIN = 24;
  private final GridPane grid = new GridPane();

  HelpOverlay() {
    setId("help-overlay");
    grid.setHgap(18);
    grid.setVgap(3);
    grid.setPadding(new Insets(16));
    ColumnConstraints keys = new ColumnConstraints();
    keys.setMinWidth(120);
    ColumnConstraints text = new ColumnConstraints();
    text.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(keys, text);
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setId("help-scroll");
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.setPrefWidth(760);
    // never larger than the view: a small window scrolls the list instead of cutting it off
    scroll.maxWidthProperty().bind(widthProperty().subtract(2 * MARGIN));
    scroll.maxHeightProperty().bind(heightProperty().subtract(2 * MARGIN));
    scroll.setStyle("-fx-background: rgba(20,20,24,0.94); -fx-background-color: rgba(20,20,24,0.94);"
        + " -fx-background-radius: 6;");
    setAlignment(Pos.CENTER);
    setPadding(new Insets(MARGIN));
    getChildren().add(scroll);
    setStyle("-fx-background-color: rgba(0,0,0,0.35);");
    setVisible(false);
    setOnMouseClicked(e -> setVisible(false));
  }

  void show(Keymap keymap) {
    grid.getChildren().clear();
    int row = 0;
    Label title = new Label(Messages.text("help.title", presetName(keymap.preset())));
    title.setStyle("-fx-text-fill: white; -fx-font-weight: bold; -fx-font-size: 14;");
    grid.add(title, 0, row++, 2, 1);
    Action.Scope scope = null;
    for (Action action : Action.values()) {
      if (action.scope() != scope) {
        scope = action.scope();
        Label heading = new Label(scopeName(scope));
        heading.setStyle("-fx-text-fill: #9ad0ff; -fx-font-weight: bold; -fx-padding: 6 0 2 0;");
        grid.add(heading, 0, row++, 2, 1);
      }
      String shown = keymap.display(action);
      Label key = new Label(shown.isEmpty() ? "—" : shown);
      key.setStyle("-fx-text-fill: #ffd27f; -fx-font-family: monospace;");
      key.setMinWidth(Label.USE_PREF_SIZE);
      Label text = new Label(action.description());
      text.setWrapText(true);
      text.setStyle("-fx-text-fill: white;");
      grid.add(key, 0, row);
      grid.add(text, 1, row++);
    }
    Label extra = new Label(Messages.text("help.mouse"));
    extra.setWrapText(true);
    extra.setStyle("-fx-text-fill: #cccccc; -fx-padding: 8 0 0 0;");
    grid.add(extra, 0, row, 2, 1);
    setVisible(true);
  }

  /** A preset's name in the title ("default", "label studio"). */
  static String presetName(Keymap.Preset preset) {
    return switch (preset) {
      case DEFAULT -> Messages.text("help.preset.default");
      case CVAT -> Messages.text("help.preset.cvat");
      case LABEL_STUDIO -> Messages.text("help.preset.labelStudio");
    };
  }

  /** The heading of a scope's actions. */
  static String scopeName(Action.Scope scope) {
    return switch (scope) {
      case LABELING -> Messages.text("help.scope.labeling");
      case WINDOW -> Messages.text("help.scope.window");
    };
  }
}
