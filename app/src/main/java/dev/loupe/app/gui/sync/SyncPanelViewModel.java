package dev.loupe.app.gui.sync;

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
      state.set("Not linked: Push creates the dataset on the platform; " + status.images() + " images here.");
    } else {
      SyncLink l = status.link().get();
      state.set("Linked to " + l.remoteSlug() + " on " + l.server() + ", last sync " + WHEN.format(l.syncedAt())
          + "; " + status.changed() + " of " + status.images() + " images new or changed here; "
          + status.conflicts() + (status.conflicts() == 1 ? " conflict" : " conflicts") + ".");
    }
    conflicts.setAll(workspace.sync().conflicts(dataset.id(), false));
  }

  /** Sends the dataset (creating it remotely when not linked yet). */
  public void push() {
    start("Push " + dataset.name(), withClient((sync, m) -> describe(sync.push(dataset.id(), null, m))));
  }

  /** Brings remote changes here (the linked dataset only). */
  public void pull() {
    SyncLink link = workspace.sync().link(dataset.id()).orElse(null);
    if (link == null) {
      outcome.set("Not linked yet: push first, or pull a platform dataset with 'loupe platform pull'.");
      return;
    }
    start("Pull " + dataset.name(), withClient((sync, m) -> describe(sync.pull(link.remoteId(), null, m))));
  }

  /** Both ways; images changed on both sides become conflicts. */
  public void sync() {
    start("Sync " + dataset.name(), withClient((sync, m) -> describe(sync.sync(dataset.id(), m))));
  }

  public void keepLocal(SyncConflict c) {
    resolve(c, PlatformSync.Keep.LOCAL);
  }

  public void takeRemote(SyncConflict c) {
    resolve(c, PlatformSync.Keep.REMOTE);
  }

  private void resolve(SyncConflict c, PlatformSync.Keep keep) {
    start("Resolve conflict", withClient((sync, m) -> {
      sync.resolve(dataset.id(), c.localHash(), keep);
      return "Kept the " + keep.name().toLowerCase(java.util.Locale.ROOT) + " side of " + c.localHash().substring(0, 12) + ".";
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
    return "Pushed to " + r.remoteSlug() + ": " + r.uploaded() + " uploaded, " + r.skipped() + " already there, "
        + r.labels() + " label changes, " + r.deleted() + " deletions"
        + (r.problems().isEmpty() ? "." : "; " + r.problems().size() + " problems.");
  }

  static String describe(PullResult r) {
    return "Pulled " + r.imported() + " new images, " + r.updated() + " updated, " + r.deleted() + " deleted"
        + (r.failed().isEmpty() ? "." : "; " + r.failed().size() + " could not be fetched (next pull tries again).");
  }

  static String describe(SyncResult r) {
    return describe(r.pushed()) + " " + describe(r.pulled()) + " " + r.conflicts().size() + " open conflicts.";
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
