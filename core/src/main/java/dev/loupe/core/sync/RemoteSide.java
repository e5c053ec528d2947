package dev.loupe.core.sync;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.remote.DatasetExport;
import dev.loupe.core.platform.remote.DatasetQuery;
import dev.loupe.core.platform.remote.ImagePage;
import dev.loupe.core.platform.remote.ImageQuery;
import dev.loupe.core.platform.remote.NewDataset;
import dev.loupe.core.platform.remote.RemoteDataset;
import dev.loupe.core.platform.remote.RemoteImage;
import dev.loupe.core.task.TaskMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The remote dataset's routes a sync uses: find or create it, list its images, fetch its export. */
final class RemoteSide {
  private static final int PAGE = 5000;

  private final PlatformClient client;

  RemoteSide(PlatformClient client) {
    this.client = client;
  }

  PlatformClient client() {
    return client;
  }

  /** The dataset a reference names: by id first, then by slug (of its owner when given). */
  RemoteDataset resolve(RemoteRef ref) {
    if (ref.username() == null) {
      try {
        return client.datasets().get(ref.token());
      } catch (PlatformException.NotFound | PlatformException.Invalid e) {
        // not an id: a slug
      }
    }
    return bySlug(ref.token(), ref.username())
        .orElseThrow(() -> new SyncException("no remote dataset " + ref + " on " + client.baseUrl()));
  }

  Optional<RemoteDataset> bySlug(String slug, String username) {
    DatasetQuery q = DatasetQuery.bySlug(slug);
    if (username != null) {
      q = q.withUsername(username);
    }
    return client.datasets().list(q).datasets().stream().filter(d -> slug.equals(d.slug())).findFirst();
  }

  /** Creates the remote dataset of a local one: its task and classes, private. */
  RemoteDataset create(Dataset local, String slug) {
    return client.datasets().create(new NewDataset(
        slug, local.name(), local.task().apiName(), local.description(), "private", local.classNames()));
  }

  /** Every image of a remote dataset, oldest first, without signed URLs. */
  List<RemoteImage> images(String remoteId, TaskMonitor monitor) {
    List<RemoteImage> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      monitor.checkCancelled();
      ImagePage page = client.images().list(
          remoteId, new ImageQuery(null, offset, PAGE, "oldest", null, null, null, null, false, false));
      all.addAll(page.images());
      monitor.progress(all.size(), page.total() == null ? -1 : page.total(), "listed " + all.size() + " remote images");
      if (page.images().size() < PAGE || (page.total() != null && all.size() >= page.total())) {
        return all;
      }
    }
  }

  /** Downloads the remote dataset's latest NDJSON export to {@code target}. */
  void export(String remoteId, Path target) {
    DatasetExport export = client.datasets().export(remoteId, null);
    if (export.downloadUrl() == null) {
      throw new SyncException("GET /datasets/" + remoteId + "/export answered without downloadUrl");
    }
    client.transfers().download(export.downloadUrl(), target);
  }
}
