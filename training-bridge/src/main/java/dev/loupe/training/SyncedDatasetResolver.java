package dev.loupe.training;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.workspace.SyncLink;
import dev.loupe.core.workspace.Workspace;
import java.util.Optional;

/**
 * The remote copy the sync engine made ({@code workspace.sync()} links a pushed dataset to its remote
 * one): that dataset's {@code ul://} URI, read from {@code GET /api/datasets/{id}}. The copy must be
 * on the platform this client talks to and as new as the local dataset (no change since the last
 * push or sync), so the cloud trains what the user sees. A dataset never pushed is left to
 * {@code unlinked} (a dataset of the same slug made elsewhere, {@link PlatformDatasetLookup}).
 */
public final class SyncedDatasetResolver implements RemoteDatasetResolver {
  private final Workspace workspace;
  private final PlatformClient client;
  private final RemoteDatasetResolver unlinked;

  public SyncedDatasetResolver(Workspace workspace, PlatformClient client, RemoteDatasetResolver unlinked) {
    this.workspace = workspace;
    this.client = client;
    this.unlinked = unlinked;
  }

  /** Linked copies first, then a platform dataset of the same slug. */
  public static RemoteDatasetResolver standard(Workspace workspace, PlatformClient client) {
    return new SyncedDatasetResolver(workspace, client, new PlatformDatasetLookup(client));
  }

  @Override
  public String uri(Dataset dataset, Integer version) {
    Optional<SyncLink> link = workspace.sync().link(dataset.id());
    if (link.isEmpty()) {
      return unlinked.uri(dataset, version);
    }
    SyncLink l = link.get();
    if (!same(l.server(), client.baseUrl())) {
      throw new RemoteDatasetMissingException(dataset.slug(),
          "it was pushed to " + l.server() + ", not to " + client.baseUrl());
    }
    if (version != null) {
      throw new IllegalArgumentException("the platform's ul:// URIs name a dataset, not one of its versions:"
          + " train version " + version + " of " + dataset.slug() + " on this machine (--local)");
    }
    if (dataset.revision() > l.lastLocalRevision()) {
      throw new IllegalArgumentException("dataset " + dataset.slug() + " changed since its last push, so the"
          + " platform's copy is behind: push it again first: loupe platform push " + dataset.slug());
    }
    RemoteDataset remote = client.datasets().get(l.remoteId());
    String slug = remote.slug() != null ? remote.slug() : l.remoteSlug();
    if (remote.username() == null || remote.username().isBlank() || slug == null) {
      throw new RemoteDatasetMissingException(dataset.slug(),
          "the platform's dataset " + l.remoteId() + " does not say whose it is, so it has no ul:// URI");
    }
    return "ul://" + remote.username() + "/datasets/" + slug;
  }

  private static boolean same(String a, String b) {
    return a.replaceAll("/+$", "").equalsIgnoreCase(b.replaceAll("/+$", ""));
  }
}
