package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.DatasetVersion;
import dev.loupe.core.workspace.Workspace;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The versions of a dataset: the list, and a new one with a description (made in the background). */
public final class VersionsViewModel {
  private final Workspace workspace;
  private final Dataset dataset;
  private final ObservableList<DatasetVersion> versions = FXCollections.observableArrayList();
  private final StringProperty description = new SimpleStringProperty("");

  public VersionsViewModel(Workspace workspace, Dataset dataset) {
    this.workspace = workspace;
    this.dataset = dataset;
    refresh();
  }

  public Dataset dataset() {
    return dataset;
  }

  public ObservableList<DatasetVersion> versions() {
    return versions;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  public void refresh() {
    versions.setAll(workspace.versions().list(dataset.id()));
  }

  /** Snapshots the dataset as the next version, with the description typed. */
  public void create(BackgroundTasks tasks) {
    String text = description.get() == null ? "" : description.get().strip();
    tasks.submit(Messages.text("versions.progress", dataset.name()), m -> workspace.versions().create(dataset.id(), text, m),
        v -> {
          description.set("");
          refresh();
        });
  }

  /** The export dialog's model for version {@code number}. */
  public ExportViewModel export(int number) {
    return ExportViewModel.ofVersion(workspace, dataset, number);
  }
}
