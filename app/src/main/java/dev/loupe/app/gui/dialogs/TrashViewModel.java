package dev.loupe.app.gui.dialogs;

import dev.loupe.core.workspace.TrashEntry;
import dev.loupe.core.workspace.Workspace;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The trash: deleted datasets, restorable until they expire; purge one or empty it all. */
public final class TrashViewModel {
  private final Workspace workspace;
  private final ObservableList<TrashEntry> entries = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  public TrashViewModel(Workspace workspace) {
    this.workspace = workspace;
    refresh();
  }

  public ObservableList<TrashEntry> entries() {
    return entries;
  }

  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  public void refresh() {
    entries.setAll(workspace.trash().list());
  }

  /** Moves a dataset to the trash (from the sidebar). */
  public void moveToTrash(String datasetId) {
    run(() -> workspace.trash().moveToTrash(datasetId));
  }

  public void restore(TrashEntry entry) {
    run(() -> workspace.trash().restore(entry.id()));
  }

  public void purge(TrashEntry entry) {
    run(() -> workspace.trash().purge(entry.id()));
  }

  /** Purges everything; returns how many datasets went. */
  public int empty() {
    int[] n = {0};
    run(() -> n[0] = workspace.trash().empty());
    return n[0];
  }

  private void run(Runnable action) {
    try {
      action.run();
      problem.set(null);
    } catch (RuntimeException e) {
      problem.set(e.getMessage());
    }
    refresh();
  }
}
