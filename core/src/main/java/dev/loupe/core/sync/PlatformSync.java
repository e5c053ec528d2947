package dev.loupe.core.sync;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImportOptions;
import dev.loupe.core.workspace.ImportResult;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.SyncEntry;
import dev.loupe.core.workspace.SyncLink;
import dev.loupe.core.workspace.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Push, pull and two-way sync of workspace datasets with a platform server (the Ultralytics
 * Platform, or {@code loupe serve}). Every operation is safe to repeat: what the other side already
 * has is recognised and not sent again, and a run cut off part way goes on where it stopped.
 */
public final class PlatformSync {
  /** Which side a resolved conflict keeps. */
  public enum Keep {
    LOCAL, REMOTE;

    /** {@code local} or {@code remote}. */
    public static Keep parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("keep local or remote, not '" + text + "'");
      }
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Workspace workspace;
  private final RemoteSide remote;
  private final SyncOptions options;

  public PlatformSync(Workspace workspace, PlatformClient client, SyncOptions options) {
    this.workspace = workspace;
    this.remote = new RemoteSide(client);
    this.options = options;
  }

  /**
   * Sends a dataset: creates the remote dataset (task, classes) when it is not linked yet, uploads
   * the images the remote side lacks with their labels and splits, and sends label, split and
   * deletion changes made here since the last sync.
   *
   * @param slug the remote dataset's slug when it is created (default: the local slug); an existing
   *     remote dataset of that slug is linked instead
   */
  public PushResult push(String datasetIdOrSlug, String slug, TaskMonitor monitor) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    SyncLink link = workspace.sync().link(dataset.id()).orElseGet(() -> linkNew(dataset, slug));
    return new SyncRun(workspace, remote, options, dataset, link, SyncRun.Mode.PUSH, monitor).run().pushed();
  }

  private SyncLink linkNew(Dataset dataset, String slug) {
    String wanted = slug == null || slug.isBlank() ? dataset.slug() : slug.strip();
    RemoteDataset r = remote.bySlug(wanted, null).orElseGet(() -> remote.create(dataset, wanted));
    if (r.id() == null) {
      throw new SyncException("the server created dataset " + wanted + " but sent no id");
    }
    return workspace.sync().saveLink(new SyncLink(dataset.id(), server(), r.id(), r.slug() == null ? wanted : r.slug(),
        0, null, null));
  }

  /**
   * Fetches a remote dataset into a new local dataset (or, when one is linked to it already, brings
   * that one up to date). Images that cannot be fetched (expired URLs, errors) are named in the
   * result and left for the next pull.
   *
   * @param name the new local dataset's name (default: the remote one's)
   */
  public PullResult pull(String remoteRef, String name, TaskMonitor monitor) {
    RemoteDataset r = remote.resolve(RemoteRef.parse(remoteRef));
    Optional<String> linked = workspace.sync().datasetLinkedTo(server(), r.id());
    if (linked.isPresent()) {
      Dataset dataset = workspace.datasets().require(linked.get());
      SyncLink link = workspace.sync().link(dataset.id()).orElseThrow();
      return new SyncRun(workspace, remote, options, dataset, link, SyncRun.Mode.PULL, monitor).run().pulled();
    }
    RemoteSnapshot snapshot = SyncRun.snapshot(workspace, remote, r.id(), monitor);
    RemoteImport imported = new RemoteImport(workspace, remote.client(), options, monitor);
    ImportOptions importOptions = ImportOptions.defaults().withName(name == null || name.isBlank() ? r.name() : name);
    ImportResult result = imported.run(r.id(), snapshot, List.copyOf(snapshot.records().values()), importOptions);
    Dataset dataset = result.dataset();
    SyncRun.learnFetched(workspace, dataset.id(), imported.fetched(), new HashMap<>());
    dataset = workspace.datasets().require(dataset.id());
    workspace.sync().saveLink(new SyncLink(dataset.id(), server(), r.id(), r.slug(), dataset.revision(), null, null));
    return new PullResult(dataset, result.report(), 0, 0, imported.failed());
  }

  /**
   * Both ways: changes made on one side since the last sync go to the other; an image changed on
   * both keeps the local version and the remote one becomes a conflict; deletions travel both ways.
   * A dataset not linked yet is pushed.
   */
  public SyncResult sync(String datasetIdOrSlug, TaskMonitor monitor) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    SyncLink link = workspace.sync().link(dataset.id()).orElseGet(() -> linkNew(dataset, null));
    return new SyncRun(workspace, remote, options, dataset, link, SyncRun.Mode.BOTH, monitor).run();
  }

  /** The open conflicts of a dataset, oldest first. */
  public List<SyncConflict> conflicts(String datasetIdOrSlug) {
    return workspace.sync().conflicts(datasetIdOrSlug, false);
  }

  /** Resolves an image's open conflict by keeping one side; the other side is brought to it. */
  public SyncConflict resolve(String datasetIdOrSlug, String hash, Keep keep) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    SyncLink link = workspace.sync().link(dataset.id())
        .orElseThrow(() -> new SyncException("dataset " + dataset.slug() + " is not linked to a remote dataset"));
    return new ConflictResolver(workspace, remote.client(), dataset, link).resolve(hash, keep);
  }

  /** Where a dataset stands, from what the workspace knows (no request is made). */
  public SyncStatus status(String datasetIdOrSlug) {
    Dataset dataset = workspace.datasets().require(datasetIdOrSlug);
    Optional<SyncLink> link = workspace.sync().link(dataset.id());
    Map<String, SyncEntry> entries = workspace.sync().entries(dataset.id());
    Map<String, ImageRecord> local = LocalImages.of(workspace, dataset.id());
    long synced = 0;
    long changed = 0;
    for (ImageRecord r : local.values()) {
      SyncEntry e = entries.get(r.hash());
      if (e != null && e.hasBase() && r.revision() <= e.baseRevision()) {
        synced++;
      } else {
        changed++;
      }
    }
    return new SyncStatus(link, local.size(), synced, changed, workspace.sync().conflicts(dataset.id(), false).size());
  }

  private String server() {
    return remote.client().baseUrl();
  }
}
