package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/datasets/{id}/images...}: the image list (every sort and filter of the reference, by
 * offset or by the {@code cursor} of the previous page's {@code nextCursor}, which stays fast deep
 * into a dataset), signed URLs by hash, deletion, labels and the bulk routes. Images are named by
 * their sha-256; their URLs are the hub's own signed file URLs.
 */
final class ImageRoutes {
  /** The most hashes a URL or bulk request may name. */
  static final int MAX_HASHES = ImageQuery.MAX_LIMIT;

  private final HubServices hub;
  private final DatasetRoutes datasets;
  private final Workspace workspace;

  ImageRoutes(HubServices hub, DatasetRoutes datasets) {
    this.hub = hub;
    this.datasets = datasets;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.get("/api/datasets/{id}/images", this::list);
    routes.post("/api/datasets/{id}/images/urls", this::urls);
    routes.patch("/api/datasets/{id}/images/bulk", this::move);
    routes.delete("/api/datasets/{id}/images/bulk", this::deleteMany);
    routes.delete("/api/datasets/{id}/images/{hash}", this::deleteOne);
    routes.get("/api/datasets/{id}/images/{hash}/labels", this::labels);
    routes.put("/api/datasets/{id}/images/{hash}/labels", this::putLabels);
  }

  private void list(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    int offset = Query.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Query.integer(ctx, "limit", ImageQuery.DEFAULT_LIMIT, 1, ImageQuery.MAX_LIMIT);
    String split = ctx.queryParam("split");
    String sort = ctx.queryParam("sort");
    String cursor = ctx.queryParam("cursor");
    ImageQuery q = new ImageQuery(sort == null ? ImageSort.NEWEST : ImageSort.parse(sort),
        split == null ? null : Split.parse(split), Query.bool(ctx, "hasLabel"), Query.bool(ctx, "hasError"),
        ctx.queryParam("search"), classIds(ctx.queryParam("classIds")), offset, limit, null);
    if (cursor != null && !cursor.isBlank()) {
      q = q.withCursor(cursor);
    }
    ImagePage page = workspace.images().list(d.id(), q);
    ObjectNode n = ApiJson.images(page, q.offset(), limit);
    boolean thumbnails = !Boolean.FALSE.equals(Query.bool(ctx, "includeThumbnails"));
    boolean full = Boolean.TRUE.equals(Query.bool(ctx, "includeImageUrls"));
    ArrayNode images = (ArrayNode) n.get("images");
    for (JsonNode image : images) {
      ObjectNode o = (ObjectNode) image;
      String hash = o.get("hash").asText();
      if (thumbnails) {
        o.put("thumbnailUrl", hub.thumbnailUrl(ctx, d.id(), hash));
      }
      if (full) {
        o.put("imageUrl", hub.imageUrl(ctx, d.id(), hash));
      }
    }
    HubJson.ok(ctx, n);
  }

  private static Set<Integer> classIds(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Set<Integer> ids = new HashSet<>();
    for (String part : text.split(",")) {
      try {
        ids.add(Integer.parseInt(part.strip()));
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("'classIds' must be comma-separated integers");
      }
    }
    return ids;
  }

  /** {@code {"hashes": [...]}} -> {@code {"urls": {hash: url}}}; hashes the dataset lacks are left out. */
  private void urls(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    List<String> hashes = HubJson.strings(hub.json().objectBody(ctx), "hashes", MAX_HASHES);
    ObjectNode urls = HubJson.object();
    ArrayNode missing = ApiJson.MAPPER.createArrayNode();
    Set<String> known = new HashSet<>();
    for (var r : workspace.images().list(d.id(), ImageQuery.all().withPage(0, Math.max(1, hashes.size()))
        .withHashes(validHashes(hashes))).images()) {
      known.add(r.hash());
    }
    for (String h : hashes) {
      if (known.contains(h)) {
        urls.put(h, hub.imageUrl(ctx, d.id(), h));
      } else {
        missing.add(h);
      }
    }
    ObjectNode n = HubJson.object();
    n.set("urls", urls);
    n.set("missing", missing);
    HubJson.ok(ctx, n);
  }

  private static Set<String> validHashes(List<String> hashes) {
    Set<String> valid = new LinkedHashSet<>();
    for (String h : hashes) {
      valid.add(PathIds.hash(h));
    }
    return valid;
  }

  private void deleteOne(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    String hash = PathIds.hash(ctx.pathParam("hash"));
    int n = hub.change(() -> workspace.images().delete(d.id(), List.of(hash)));
    if (n == 0) {
      throw ApiException.notFound("Image not found");
    }
    HubJson.ok(ctx, HubJson.object().put("deleted", n));
  }

  private void labels(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    String hash = PathIds.hash(ctx.pathParam("hash"));
    List<Label> labels = workspace.labels().get(d.id(), hash);
    HubJson.ok(ctx, ApiJson.labels(labels, d.classNames()));
  }

  private void putLabels(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    String hash = PathIds.hash(ctx.pathParam("hash"));
    JsonNode body = hub.json().body(ctx);
    int dims = d.kptShape() == null ? 3 : d.kptShape().dims();
    List<Label> labels = ApiJson.parseLabels(body, d.task(), dims);
    hub.change(() -> {
      workspace.labels().put(d.id(), hash, labels);
      return null;
    });
    HubJson.ok(ctx, HubJson.object().put("ok", true).put("labelCount", labels.size()));
  }

  private void move(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    JsonNode body = hub.json().objectBody(ctx);
    Set<String> hashes = validHashes(HubJson.strings(body, "hashes", MAX_HASHES));
    Split split = Split.parse(HubJson.requiredText(body, "split"));
    int n = hub.change(() -> workspace.images().moveToSplit(d.id(), hashes, split));
    HubJson.ok(ctx, HubJson.object().put("moved", n));
  }

  private void deleteMany(Context ctx) {
    Dataset d = datasets.dataset(ctx);
    Set<String> hashes = validHashes(HubJson.strings(hub.json().objectBody(ctx), "hashes", MAX_HASHES));
    int n = hub.change(() -> workspace.images().delete(d.id(), hashes));
    HubJson.ok(ctx, HubJson.object().put("deleted", n));
  }
}
