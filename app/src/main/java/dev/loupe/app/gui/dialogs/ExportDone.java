package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The note an export ends with: how many images went where, and a button that opens that folder. */
public final class ExportDone {
  private ExportDone() {}

  /** Shows the note (not waiting for it) for {@code images} of {@code what} written to {@code target}. */
  public static Alert show(Window owner, String what, Path target, long images) {
    ButtonType openFolder = new ButtonType(Messages.text("export.done.openFolder"), ButtonBar.ButtonData.OTHER);
    Alert alert = new Alert(Alert.AlertType.INFORMATION,
        Messages.text("export.done.text", images, what, target.toAbsolutePath().toString()), openFolder, ButtonType.CLOSE);
    alert.setTitle(Messages.text("export.done.title"));
    alert.setHeaderText(null);
    alert.getDialogPane().setId("export-done");
    alert.getDialogPane().lookupButton(openFolder).setId("export-open-folder");
    if (owner != null) {
      alert.initOwner(owner);
      if (owner.getScene() != null) {
        alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
      }
    }
    Path folder = FolderOpener.folderOf(target);
    alert.resultProperty().addListener((o, a, button) -> {
      if (button == openFolder) {
        FolderOpener.open(folder, why -> Platform.runLater(() -> cannotOpen(owner, folder, why)));
      }
    });
    alert.show();
    return alert;
  }

  private static void cannotOpen(Window owner, Path folder, String why) {
    Alert alert = new Alert(Alert.AlertType.WARNING, Messages.text("export.done.cannotOpen", folder.toString(), why),
        ButtonType.OK);
    alert.setHeaderText(null);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.show();
  }
}
