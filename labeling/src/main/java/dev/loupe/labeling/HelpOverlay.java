package dev.loupe.labeling;

import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;

/** The list of keys over the canvas (F1 or ?); any key or click closes it. */
final class HelpOverlay extends StackPane {
  private final GridPane grid = new GridPane();

  HelpOverlay() {
    setId("help-overlay");
    grid.setHgap(18);
    grid.setVgap(3);
    grid.setPadding(new Insets(16));
    grid.setStyle("-fx-background-color: rgba(20,20,24,0.92); -fx-background-radius: 6;");
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    scroll.setMaxSize(640, 560);
    scroll.setStyle("-fx-background: transparent; -fx-background-color: transparent;");
    setAlignment(Pos.CENTER);
    getChildren().add(scroll);
    setStyle("-fx-background-color: rgba(0,0,0,0.35);");
    setVisible(false);
    setOnMouseClicked(e -> setVisible(false));
  }

  void show(Keymap keymap) {
    grid.getChildren().clear();
    int row = 0;
    Label title = new Label("Keys (" + keymap.preset().name().toLowerCase(java.util.Locale.ROOT) + " preset)");
    title.setStyle("-fx-text-fill: white; -fx-font-weight: bold; -fx-font-size: 14;");
    grid.add(title, 0, row++, 2, 1);
    for (Action action : Action.values()) {
      Label key = new Label(keymap.display(action));
      key.setStyle("-fx-text-fill: #ffd27f; -fx-font-family: monospace;");
      Label text = new Label(action.description());
      text.setStyle("-fx-text-fill: white;");
      grid.add(key, 0, row);
      grid.add(text, 1, row++);
    }
    Label extra = new Label(
        "Mouse: wheel zooms about the pointer, Space+drag or middle drag pans. Polygons: click an edge to"
            + " add a vertex, right-click a vertex to delete it. Poses: Shift+click a keypoint cycles visibility.");
    extra.setWrapText(true);
    extra.setMaxWidth(560);
    extra.setStyle("-fx-text-fill: #cccccc;");
    grid.add(extra, 0, row, 2, 1);
    setVisible(true);
  }
}
