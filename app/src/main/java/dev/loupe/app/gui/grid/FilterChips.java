package dev.loupe.app.gui.grid;

import dev.loupe.app.gui.Icons;
import dev.loupe.app.gui.Messages;
import dev.loupe.core.domain.Dataset;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;

/**
 * The chips above the grid that name the filters a chart click set (the classes shown, a heatmap
 * cell's images), each with a button that clears it. Hidden while neither filter is on.
 */
final class FilterChips extends HBox {
  private final DatasetViewModel model;

  FilterChips(DatasetViewModel model) {
    super(8);
    this.model = model;
    getStyleClass().add("filter-chips");
    setId("filter-chips");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(0, 12, 8, 12));
    model.classIds().addListener((SetChangeListener<Integer>) c -> update());
    model.imageSetProperty().addListener((o, a, b) -> update());
    model.datasetProperty().addListener((o, a, b) -> update());
    managedProperty().bind(visibleProperty());
    update();
  }

  private void update() {
    List<HBox> chips = new ArrayList<>();
    if (!model.classIds().isEmpty()) {
      chips.add(chip("filter-chip-classes", classText(), () -> model.classIds().clear()));
    }
    ImageSetFilter set = model.imageSetProperty().get();
    if (set != null) {
      chips.add(chip("filter-chip-images",
          Messages.text("grid.chip.images", set.hashes().size(), set.name()),
          () -> model.imageSetProperty().set(null)));
    }
    getChildren().setAll(chips);
    setVisible(!chips.isEmpty());
  }

  private String classText() {
    Dataset d = model.dataset();
    List<String> names = new ArrayList<>();
    model.classIds().stream().sorted().forEach(id ->
        names.add(d != null && id < d.classNames().size() ? d.classNames().get(id)
            : Messages.text("grid.unnamedClass", id)));
    return Messages.text("grid.chip.classes", names.size(), String.join(", ", names));
  }

  private static HBox chip(String id, String text, Runnable clear) {
    Label label = new Label(text);
    label.getStyleClass().add("filter-chip-text");
    Button close = new Button(null, Icons.of(Icons.CLOSE));
    close.getStyleClass().addAll("flat", "filter-chip-clear");
    close.setId(id + "-clear");
    close.setOnAction(e -> clear.run());
    HBox chip = new HBox(2, label, close);
    chip.setId(id);
    chip.setAlignment(Pos.CENTER_LEFT);
    chip.getStyleClass().add("filter-chip");
    return chip;
  }
}
