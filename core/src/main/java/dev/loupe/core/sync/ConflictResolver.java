package dev.loupe.core.sync;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.workspace.NotFoundException;
import dev.loupe.core.workspace.SyncConflict;
import dev.loupe.core.workspace.SyncEntry;
import dev.loupe.core.workspace.SyncLink;
import dev.loupe.core.workspace.Workspace;
import java.util.List;

/**
 * Ends a conflict by keeping one side and bringing the other to it:
 *
 * <ul>
 *   <li>labels, keep local: the local labels and split are sent; keep remote: the stored remote ones
 *       replace the local ones;
 *   <li>deleted remotely, keep local: the image is sent again at the next push; keep remote: it is
 *       deleted here;
 *   <li>deleted locally, keep local: it is deleted remotely; keep remote: it is fetched again at the
 *       next pull.
 * </ul>
 */
final class ConflictResolver {
  private final Workspace workspace;
  private final PlatformClient client;
  private final Dataset dataset;
  private final SyncLink link;

  ConflictResolver(Workspace workspace, PlatformClient client, Dataset dataset, SyncLink link) {
    this.workspace = workspace;
    this.client = client;
    this.dataset = dataset;
    this.link = link;
  }

  SyncConflict resolve(String hash, PlatformSync.Keep keep) {
    SyncConflict c = workspace.sync().openConflict(dataset.id(), hash)
        .orElseThrow(() -> new NotFoundException("image " + hash + " of " + dataset.slug() + " has no open conflict"));
    SyncEntry entry = workspace.sync().entries(dataset.id()).get(hash);
    String remoteName = entry == null ? null : entry.remoteName();
    boolean local = keep == PlatformSync.Keep.LOCAL;
    switch (c.kind()) {
      case SyncConflict.LABELS -> {
        if (remoteName == null) {
          throw new SyncException("image " + hash + " has no known remote name; sync again first");
        }
        ImageRecord image = workspace.images().require(dataset.id(), hash);
        if (local) {
          List<Label> labels = workspace.labels().get(dataset.id(), hash);
          client.images().putLabels(link.remoteId(), remoteName, RemoteLabels.toRemote(labels));
          if (!image.split().apiName().equals(c.remoteSplit())) {
            client.images().move(link.remoteId(), List.of(remoteName), image.split().apiName());
          }
          agree(entry, image.revision(), LabelFingerprint.of(image.split(), labels, dataset.classNames()));
        } else {
          workspace.labels().put(dataset.id(), hash, RemoteLabels.fromJson(c.remoteLabels(), dataset));
          Split split = Split.parse(c.remoteSplit());
          if (image.split() != split) {
            workspace.images().moveToSplit(dataset.id(), List.of(hash), split);
          }
          agree(entry, workspace.images().require(dataset.id(), hash).revision(), c.remoteFingerprint());
        }
      }
      case SyncConflict.DELETED_REMOTELY -> {
        if (!local) {
          workspace.images().delete(dataset.id(), List.of(hash));
        }
        workspace.sync().removeEntries(dataset.id(), List.of(hash));
      }
      case SyncConflict.DELETED_LOCALLY -> {
        if (local && remoteName != null) {
          client.images().delete(link.remoteId(), List.of(remoteName));
        }
        workspace.sync().removeEntries(dataset.id(), List.of(hash));
      }
      default -> throw new SyncException("unknown conflict kind " + c.kind());
    }
    return workspace.sync().resolveConflict(dataset.id(), hash, keep.word());
  }

  private void agree(SyncEntry entry, long revision, String fingerprint) {
    workspace.sync().putEntries(dataset.id(), List.of(entry.withBase(revision, fingerprint)));
  }
}
