package dev.loupe.app.gui.sync;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.app.gui.training.PlatformConnector;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.sync.PlatformSync;
import dev.loupe.core.sync.PullResult;
import dev.loupe.core.sync.PushResult;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.sync.SyncResult;
import dev.loupe.core.sync.SyncStatus;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.SyncLink;
import dev.loupe.core.workspace.Workspace;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A dataset's sync with the platform: where it stands (linked or not, changed images, conflicts),
 * push, pull, sync both ways, and its conflicts resolved by keeping the local or taking the remote
 * side. The work runs in the background task bar, with progress and Cancel.
 */
public final class SyncPanelViewModel {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  private final Workspace workspace;
  private final Dataset dataset;
  private final PlatformConnector connector;
  private final SyncOptions options;
  private final BackgroundTasks tasks;
  private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper linked = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ObservableList<SyncConflict> conflicts = FXCollections.observableArrayList();
  private Runnable onDatasetChanged = () -> {};

  public SyncPanelViewModel(Workspace workspace, Dataset dataset, PlatformConnector connector, SyncOptions options,
      BackgroundTasks tasks) {
    this.workspace = workspace;
    this.dataset = dataset;
    this.connector = connector;
    this.options = options;
    this.tasks = tasks;
    refresh();
  }

  public Dataset dataset() {
    return dataset;
  }

  /** One line: the link, the last sync, what changed here since, the open conflicts. */
  public ReadOnlyStringProperty stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** What the last push, pull, sync or resolution did, one line. */
  public ReadOnlyStringProperty outcomeProperty() {
    return outcome.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty linkedProperty() {
    return linked.getReadOnlyProperty();
  }

  /** True while this panel's work runs (the buttons wait). */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ObservableList<SyncConflict> conflicts() {
    return conflicts;
  }

  /** Called on the FX thread after work that may have changed the dataset's images or labels. */
  public void setOnDatasetChanged(Runnable action) {
    this.onDatasetChanged = action;
  }

  /** Reads the state again from the workspace (no request is made). */
  public void refresh() {
    SyncStatus status = new PlatformSync(workspace, null, options).status(dataset.id());
    linked.set(status.link().isPresent());
    if (status.link().isEmpty()) {
      state.set(Messages.text("sync.state.unlinked", status.images()));
    } else {
      SyncLink l = status.link().get();
      // the count of conflicts is argument 0 (it picks the plural); the other figures come as text
      state.set(Messages.text("sync.state.linked", status.conflicts(), l.remoteSlug(), l.server(),
          WHEN.format(l.syncedAt()), String.valueOf(status.changed()), String.valueOf(status.images())));
    }
    conflicts.setAll(workspace.sync().conflicts(dataset.id(), false));
  }

  /** Sends the dataset (creating it remotely when not linked yet). */
  public void push() {
    start(Messages.text("sync.task.push", dataset.name()),
        withClient((sync, m) -> describe(sync.push(dataset.id(), null, m))));
  }

  /** Brings remote changes here (the linked dataset only). */
  public void pull() {
    SyncLink link = workspace.sync().link(dataset.id()).orElse(null);
    if (link == null) {
      outcome.set(Messages.text("sync.pull.unlinked"));
      return;
    }
    start(Messages.text("sync.task.pull", dataset.name()),
        withClient((sync, m) -> describe(sync.pull(link.remoteId(), null, m))));
  }

  /** Both ways; images changed on both sides become conflicts. */
  public void sync() {
    start(Messages.text("sync.task.sync", dataset.name()),
        withClient((sync, m) -> describe(sync.sync(dataset.id(), m))));
  }

  public void keepLocal(SyncConflict c) {
    resolve(c, PlatformSync.Keep.LOCAL);
  }

  public void takeRemote(SyncConflict c) {
    resolve(c, PlatformSync.Keep.REMOTE);
  }

  private void resolve(SyncConflict c, PlatformSync.Keep keep) {
    start(Messages.text("sync.task.resolve"), withClient((sync, m) -> {
      sync.resolve(dataset.id(), c.localHash(), keep);
      String image = c.localHash().substring(0, 12);
      return keep == PlatformSync.Keep.LOCAL ? Messages.text("sync.kept.local", image)
          : Messages.text("sync.kept.remote", image);
    }));
  }

  private void start(String title, BackgroundTasks.Work<String> work) {
    busy.set(true);
    tasks.submit(title, work, outcome::set, () -> {
      busy.set(false);
      refresh();
      onDatasetChanged.run();
    });
  }

  static String describe(PushResult r) {
    String uploaded = String.valueOf(r.uploaded());
    String skipped = String.valueOf(r.skipped());
    String labels = String.valueOf(r.labels());
    String deleted = String.valueOf(r.deleted());
    return r.problems().isEmpty()
        ? Messages.text("sync.pushed", r.remoteSlug(), uploaded, skipped, labels, deleted)
        : Messages.text("sync.pushed.problems", r.remoteSlug(), uploaded, skipped, labels, deleted,
            String.valueOf(r.problems().size()));
  }

  static String describe(PullResult r) {
    String imported = String.valueOf(r.imported());
    String updated = String.valueOf(r.updated());
    String deleted = String.valueOf(r.deleted());
    return r.failed().isEmpty() ? Messages.text("sync.pulled", imported, updated, deleted)
        : Messages.text("sync.pulled.failed", imported, updated, deleted, String.valueOf(r.failed().size()));
  }

  static String describe(SyncResult r) {
    return Messages.text("sync.synced", r.conflicts().size(), describe(r.pushed()), describe(r.pulled()));
  }

  /** What a piece of sync work does with the sync and the task's monitor. */
  @FunctionalInterface
  private interface SyncWork {
    String run(PlatformSync sync, TaskMonitor monitor);
  }

  /** Work with a client of the platform, closed after. */
  private BackgroundTasks.Work<String> withClient(SyncWork body) {
    return m -> {
      try (PlatformClient client = connector.open()) {
        return body.run(new PlatformSync(workspace, client, options), m);
      }
    };
  }
}
