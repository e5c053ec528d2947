package dev.loupe.app.gui;

import dev.loupe.core.domain.ModelRecord;
import javafx.scene.control.ListCell;

/** A model in a list or combo box: its name, task and file format. */
public final class ModelCell extends ListCell<ModelRecord> {
  @Override
  protected void updateItem(ModelRecord model, boolean empty) {
    super.updateItem(model, empty);
    setText(empty || model == null ? null
        : Messages.text("models.cell", model.name(), model.task().apiName(), model.format()));
  }
}
