package dev.loupe.hub;

import dev.loupe.core.workspace.Workspace;
import io.javalin.http.Context;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * What the route groups share: the workspace, the JSON reader, the signed URLs and the one lock that
 * changes take. The workspace's stores are safe from many threads (reads run at once, each write is
 * one transaction under the database's write lock), but some hub changes are several store calls
 * (an upload completed into a dataset, an ingest that moves what it imported): those run one at a
 * time under {@link #change}, so two requests never interleave inside one. Reads take no lock.
 */
final class HubServices {
  private final Workspace workspace;
  private final HubConfig config;
  private final HubJson json;
  private final SignedUrls urls;
  private final ReentrantLock changes = new ReentrantLock();

  HubServices(Workspace workspace, HubConfig config) {
    this.workspace = workspace;
    this.config = config;
    this.json = new HubJson(config.maxBodyBytes());
    this.urls = new SignedUrls(config.clock(), config.urlLifetime());
  }

  Workspace workspace() {
    return workspace;
  }

  HubConfig config() {
    return config;
  }

  HubJson json() {
    return json;
  }

  SignedUrls urls() {
    return urls;
  }

  /** Runs a change of the workspace alone among the hub's changes. */
  <T> T change(Supplier<T> body) {
    changes.lock();
    try {
      return body.get();
    } finally {
      changes.unlock();
    }
  }

  /** Scheme, host and port as the client reached the hub, the base of the URLs handed back. */
  static String base(Context ctx) {
    String host = ctx.host();
    if (host == null || host.isBlank()) {
      host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
    }
    return ctx.scheme() + "://" + host;
  }

  /** A signed GET URL of a file route. */
  String signedGet(Context ctx, String path) {
    return urls.sign(base(ctx), "GET", path);
  }

  /** The signed URL of an image's bytes. */
  String imageUrl(Context ctx, String datasetId, String hash) {
    return signedGet(ctx, "/files/datasets/" + datasetId + "/images/" + hash);
  }

  /** The signed URL of an image's thumbnail. */
  String thumbnailUrl(Context ctx, String datasetId, String hash) {
    return signedGet(ctx, "/files/datasets/" + datasetId + "/thumbnails/" + hash);
  }
}
