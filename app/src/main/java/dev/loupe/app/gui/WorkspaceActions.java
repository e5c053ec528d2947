package dev.loupe.app.gui;

import dev.loupe.app.gui.dialogs.ExportDialog;
import dev.loupe.app.gui.dialogs.ExportViewModel;
import dev.loupe.app.gui.dialogs.NameDialog;
import dev.loupe.app.gui.dialogs.TrashDialog;
import dev.loupe.app.gui.dialogs.TrashViewModel;
import dev.loupe.app.gui.dialogs.VersionsDialog;
import dev.loupe.app.gui.dialogs.VersionsViewModel;
import dev.loupe.app.gui.sidebar.SidebarActions;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The window's dialogs around the workspace's things: name a new project, rename a dataset, a
 * project or a model, confirm a delete (a dataset goes to the trash, which can restore it; a project
 * or a model is deleted for good, so the question says so), export a dataset, list its versions.
 * The changes themselves are the view models'; a refused change (a project that still holds models)
 * is shown with its reason and changes nothing.
 */
final class WorkspaceActions implements SidebarActions {
  private final MainViewModel model;
  private final Supplier<Window> window;

  WorkspaceActions(MainViewModel model, Supplier<Window> window) {
    this.model = model;
    this.window = window;
  }

  @Override
  public void openTrash() {
    TrashDialog.show(window.get(), new TrashViewModel(model.workspace(), model.tasks()));
    model.datasetChanged(null);
    model.sidebar().selectFirstIfNone();
  }

  @Override
  public void exportDataset(Dataset dataset) {
    ExportDialog.show(window.get(), ExportViewModel.ofDataset(model.workspace(), dataset), model.tasks(), n -> {});
  }

  @Override
  public void showVersions(Dataset dataset) {
    VersionsDialog.show(window.get(), new VersionsViewModel(model.workspace(), dataset), model.tasks());
  }

  @Override
  public void renameDataset(Dataset dataset) {
    NameDialog.ask(window.get(), Messages.text("rename.dataset.title", dataset.name()), Messages.text("rename.ok"),
        dataset.name()).ifPresent(name -> attempt(() -> {
          Dataset renamed = model.sidebar().renameDataset(dataset, name);
          model.datasetChanged(renamed.id());
        }));
  }

  @Override
  public void trashDataset(Dataset dataset) {
    if (confirm(Messages.text("trash.dataset.header"), Messages.text("trash.dataset.text", dataset.name()),
        Messages.text("trash.dataset.ok"))) {
      attempt(() -> model.trashDataset(dataset));
    }
  }

  @Override
  public void newProject() {
    NameDialog.ask(window.get(), Messages.text("project.new.title"), Messages.text("project.new.ok"), "")
        .ifPresent(name -> attempt(() -> model.sidebar().createProject(name)));
  }

  @Override
  public void renameProject(Project project) {
    NameDialog.ask(window.get(), Messages.text("rename.project.title", project.name()), Messages.text("rename.ok"),
        project.name()).ifPresent(name -> attempt(() -> model.sidebar().renameProject(project, name)));
  }

  @Override
  public void deleteProject(Project project) {
    if (confirm(Messages.text("delete.project.header"), Messages.text("delete.project.text", project.name()),
        Messages.text("delete.ok"))) {
      attempt(() -> model.sidebar().deleteProject(project));
    }
  }

  @Override
  public void renameModel(ModelRecord m) {
    NameDialog.ask(window.get(), Messages.text("rename.model.title", m.name()), Messages.text("rename.ok"), m.name())
        .ifPresent(name -> attempt(() -> model.sidebar().renameModel(m, name)));
  }

  @Override
  public void deleteModel(ModelRecord m) {
    if (confirm(Messages.text("delete.model.header"), Messages.text("delete.model.text", m.name()),
        Messages.text("delete.ok"))) {
      attempt(() -> model.sidebar().deleteModel(m));
    }
  }

  private boolean confirm(String header, String text, String okText) {
    ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ok, ButtonType.CANCEL);
    alert.setHeaderText(header);
    alert.getDialogPane().setId("confirm");
    alert.getDialogPane().lookupButton(ok).setId("confirm-ok");
    alert.getDialogPane().lookupButton(ButtonType.CANCEL).setId("confirm-cancel");
    own(alert);
    return alert.showAndWait().filter(b -> b == ok).isPresent();
  }

  /** Runs {@code change}; a refusal (a name taken, a project not empty) is shown and changes nothing. */
  private void attempt(Runnable change) {
    try {
      change.run();
    } catch (RuntimeException e) {
      Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
      alert.setHeaderText(Messages.text("action.failed"));
      alert.getDialogPane().setId("action-failed");
      own(alert);
      alert.showAndWait();
    }
  }

  private void own(Alert alert) {
    Window owner = window.get();
    alert.initOwner(owner);
    if (owner != null && owner.getScene() != null) {
      alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
    }
  }
}
