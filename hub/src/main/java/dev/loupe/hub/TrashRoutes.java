package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.TrashEntry;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /api/trash}: the workspace's trash holds datasets only (projects and models are deleted at
 * once), listed by page, restored, or deleted for good. Emptying it all stays a session-only route,
 * as on the platform ({@code loupe trash empty} does it locally).
 */
final class TrashRoutes {
  private final HubServices hub;
  private final Workspace workspace;

  TrashRoutes(HubServices hub) {
    this.hub = hub;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.get("/api/trash", this::list);
    routes.post("/api/trash", this::restore);
    routes.delete("/api/trash/empty", ctx -> {
      throw ApiException.forbidden("emptying the trash needs a browser session, as on the platform;"
          + " on this machine run 'loupe trash empty'");
    });
    routes.delete("/api/trash", this::purge);
  }

  private void list(Context ctx) {
    String type = ctx.queryParam("type");
    int page = Query.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
    int limit = Query.integer(ctx, "limit", 50, 1, 200);
    List<TrashEntry> all = type == null || type.equals("all") || type.equals("dataset") ? workspace.trash().list() : List.of();
    if (type != null && !List.of("all", "dataset", "project", "model").contains(type)) {
      throw ApiException.badRequest("type must be all, project, dataset or model");
    }
    long from = (long) (page - 1) * limit;
    List<TrashEntry> slice = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + limit));
    var n = ApiJson.trash(slice);
    n.put("total", all.size());
    n.put("page", page);
    HubJson.ok(ctx, n);
  }

  private String datasetItem(JsonNode body) {
    String type = HubJson.requiredText(body, "type");
    if (!type.equals("dataset")) {
      throw ApiException.notFound("the hub's trash holds datasets only");
    }
    String id = PathIds.id(HubJson.requiredText(body, "id"), "id");
    boolean known = workspace.trash().list().stream().anyMatch(e -> e.id().equals(id));
    if (!known) {
      throw ApiException.notFound("Item not found in the trash");
    }
    return id;
  }

  private void restore(Context ctx) {
    String id = datasetItem(hub.json().objectBody(ctx));
    hub.change(() -> {
      workspace.trash().restore(id);
      return null;
    });
    HubJson.ok(ctx);
  }

  private void purge(Context ctx) {
    String id = datasetItem(hub.json().objectBody(ctx));
    hub.change(() -> {
      workspace.trash().purge(id);
      return null;
    });
    HubJson.ok(ctx);
  }
}
