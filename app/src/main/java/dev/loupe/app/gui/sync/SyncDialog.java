package dev.loupe.app.gui.sync;

import dev.loupe.app.gui.Messages;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The sync panel of one dataset in a window of its own (not modal: work goes on in the task bar). */
public final class SyncDialog {
  private SyncDialog() {}

  public static void show(Window owner, SyncPanelViewModel model, Runnable openSettings) {
    Dialog<ButtonType> dialog = new Dialog<>();
    dialog.initOwner(owner);
    dialog.initModality(Modality.NONE);
    dialog.setTitle(Messages.text("sync.title", model.dataset().name()));
    if (owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    dialog.getDialogPane().setContent(new SyncPanel(model, openSettings));
    dialog.getDialogPane().setPrefWidth(640);
    dialog.show();
  }
}
