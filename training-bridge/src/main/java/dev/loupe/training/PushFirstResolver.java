package dev.loupe.training;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.sync.PlatformSync;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.SyncLink;
import dev.loupe.core.workspace.Workspace;
import java.util.Optional;

/**
 * Cloud training's data: a dataset that {@code then} finds no copy of, or that changed since its last
 * push, is pushed first (core's {@link PlatformSync}: it creates the remote dataset or links one of
 * the same slug, and sends only what the platform lacks); then {@code then} names the copy. A
 * dataset pushed to another server, or a version, is left to {@code then} to refuse; a push that
 * fails is reported as the missing copy, with its reason.
 */
public final class PushFirstResolver implements RemoteDatasetResolver {
  private final Workspace workspace;
  private final PlatformClient client;
  private final RemoteDatasetResolver then;

  public PushFirstResolver(Workspace workspace, PlatformClient client, RemoteDatasetResolver then) {
    this.workspace = workspace;
    this.client = client;
    this.then = then;
  }

  /** Pushes where needed, then the synced copy's URI (else one of the same slug). */
  public static RemoteDatasetResolver standard(Workspace workspace, PlatformClient client) {
    return new PushFirstResolver(workspace, client, SyncedDatasetResolver.standard(workspace, client));
  }

  @Override
  public String uri(Dataset dataset, Integer version) {
    return uri(dataset, version, TaskMonitor.NONE);
  }

  @Override
  public String uri(Dataset dataset, Integer version, TaskMonitor monitor) {
    if (version != null) {
      return then.uri(dataset, version);
    }
    Optional<SyncLink> link = workspace.sync().link(dataset.id());
    if (link.isPresent()) {
      if (onThisServer(link.get()) && dataset.revision() > link.get().lastLocalRevision()) {
        dataset = push(dataset, monitor); // changed since the last push: the cloud trains what is here
      }
      return then.uri(dataset, version);
    }
    try {
      return then.uri(dataset, version);
    } catch (RemoteDatasetMissingException none) {
      return then.uri(push(dataset, monitor), version);
    }
  }

  private Dataset push(Dataset dataset, TaskMonitor monitor) {
    monitor.progress(0, -1, "pushing " + dataset.slug() + " to the platform first");
    try {
      new PlatformSync(workspace, client, SyncOptions.defaults()).push(dataset.id(), null, monitor);
    } catch (CancelledException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new RemoteDatasetMissingException(dataset.slug(), "the push before training failed: " + e.getMessage());
    }
    return workspace.datasets().require(dataset.id());
  }

  private boolean onThisServer(SyncLink link) {
    return link.server().replaceAll("/+$", "").equalsIgnoreCase(client.baseUrl().replaceAll("/+$", ""));
  }
}
