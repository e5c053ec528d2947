package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * A chart with its title, a caption under it, the readout of what the mouse is over, and "Save PNG" (a
 * button and the chart's context menu, through a file chooser).
 */
final class ChartCard extends VBox {
  private final ChartCanvas chart;
  private final Label caption = new Label();

  /**
   * @param fileName the file name the chooser suggests, without ".png", for the dataset shown
   * @param saveError told when a PNG could not be written
   */
  ChartCard(String id, String title, ChartCanvas chart, Supplier<String> fileName, Consumer<String> saveError) {
    this.chart = chart;
    setId(id);
    getStyleClass().add("chart-card");
    Label heading = new Label(title);
    heading.getStyleClass().add("chart-title");
    caption.getStyleClass().add("chart-caption");
    caption.setMinWidth(0);
    Button save = new Button(Messages.text("stats.png"));
    save.setId(id + "-save");
    save.getStyleClass().addAll("flat", "chart-save");
    save.setTooltip(new Tooltip(Messages.text("stats.png.tip")));
    save.setOnAction(e -> choose(fileName.get(), saveError));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    heading.setMinWidth(Region.USE_PREF_SIZE);
    save.setMinWidth(Region.USE_PREF_SIZE);
    HBox top = new HBox(8, heading, spacer, save);
    top.setAlignment(Pos.CENTER_LEFT);
    caption.managedProperty().bind(caption.textProperty().isNotEmpty());
    caption.visibleProperty().bind(caption.managedProperty());
    Label readout = new Label();
    readout.getStyleClass().add("chart-readout");
    readout.textProperty().bind(chart.hoverTextProperty());
    readout.setMinHeight(18);
    MenuItem saveItem = new MenuItem(Messages.text("stats.png.menu"));
    saveItem.setOnAction(e -> choose(fileName.get(), saveError));
    ContextMenu menu = new ContextMenu(saveItem);
    chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    VBox.setVgrow(chart, Priority.ALWAYS);
    getChildren().addAll(top, caption, chart, readout);
  }

  ChartCanvas chart() {
    return chart;
  }

  /** A line under the title ("sizes 4–512 px"); empty hides it. */
  void setCaption(String text) {
    caption.setText(text);
  }

  private void choose(String suggested, Consumer<String> saveError) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(Messages.text("stats.png.title"));
    chooser.setInitialFileName(suggested + ".png");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.text("stats.png.filter"), "*.png"));
    File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    if (file == null) {
      return;
    }
    Path path = file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
        ? file.toPath()
        : file.toPath().resolveSibling(file.getName() + ".png");
    try {
      ChartPng.write(chart, path);
    } catch (IOException | RuntimeException e) {
      saveError.accept(
          Messages.text("stats.png.failed", path.getFileName().toString(), String.valueOf(e.getMessage())));
    }
  }
}
