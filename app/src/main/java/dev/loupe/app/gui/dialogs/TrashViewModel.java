package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.core.workspace.TrashEntry;
import dev.loupe.core.workspace.Workspace;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trash: deleted datasets, restorable until they expire; purge one or empty it all. Purging
 * deletes every row and file of a dataset, so it runs in the background.
 */
public final class TrashViewModel {
  private final Workspace workspace;
  private final dev.loupe.app.gui.tasks.BackgroundTasks tasks;
  private final ObservableList<TrashEntry> entries = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();

  public TrashViewModel(Workspace workspace, dev.loupe.app.gui.tasks.BackgroundTasks tasks) {
    this.workspace = workspace;
    this.tasks = tasks;
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

  /** Deletes a dataset for good, in the background; {@code done} runs after (on the FX thread). */
  public void purge(TrashEntry entry, Runnable done) {
    tasks.submit(Messages.text("trash.progress.purge", entry.name()), m -> {
      workspace.trash().purge(entry.id());
      return null;
    }, x -> {}, () -> {
      refresh();
      done.run();
    });
  }

  /** Purges everything in the background; {@code done} gets how many datasets went. */
  public void empty(java.util.function.IntConsumer done) {
    tasks.submit(Messages.text("trash.progress.empty"), m -> workspace.trash().empty(), done::accept, this::refresh);
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
