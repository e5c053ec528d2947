package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/models}: list (by project), get, update, delete and the signed URL of the model file.
 * A local model is a file: {@code POST /api/models} without one is refused with the upload route to
 * use instead.
 */
final class ModelRoutes {
  private final HubServices hub;
  private final Workspace workspace;

  ModelRoutes(HubServices hub) {
    this.hub = hub;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.get("/api/models", this::list);
    routes.post("/api/models", ctx -> {
      throw ApiException.badRequest("a model on the hub is a model file: upload it with POST /api/upload/signed-url"
          + " (assetType models, assetId the project) and POST /api/upload/complete");
    });
    routes.get("/api/models/{id}", this::get);
    routes.patch("/api/models/{id}", this::update);
    routes.delete("/api/models/{id}", this::delete);
    routes.get("/api/models/{id}/files", this::files);
  }

  static ObjectNode json(Workspace workspace, ModelRecord m, String owner) {
    Project p = m.projectId() == null ? null : workspace.projects().find(m.projectId()).orElse(null);
    ObjectNode n = ModelJson.model(m, p);
    n.put("username", owner);
    return n;
  }

  ModelRecord model(Context ctx) {
    String id = PathIds.id(ctx.pathParam("id"), "model id");
    return workspace.models().find(id).orElseThrow(() -> ApiException.notFound("Model not found"));
  }

  private void list(Context ctx) {
    String projectId = ctx.queryParam("projectId");
    if (projectId == null || projectId.isBlank()) {
      throw ApiException.badRequest("'projectId' is required");
    }
    Project p = workspace.projects().find(PathIds.id(projectId, "projectId"))
        .orElseThrow(() -> ApiException.notFound("Project not found"));
    int limit = Query.integer(ctx, "limit", 20, 1, 100);
    String ids = ctx.queryParam("ids");
    Set<String> wanted = ids == null || ids.isBlank() ? null
        : Arrays.stream(ids.split(",")).map(String::strip).collect(Collectors.toSet());
    List<ObjectNode> out = new ArrayList<>();
    for (ModelRecord m : workspace.models().list(p.id())) {
      if ((wanted == null || wanted.contains(m.id())) && out.size() < limit) {
        out.add(json(workspace, m, hub.config().owner()));
      }
    }
    ObjectNode n = ModelJson.models(out);
    n.put("total", workspace.models().list(p.id()).size());
    HubJson.ok(ctx, n);
  }

  private void get(Context ctx) {
    HubJson.ok(ctx, json(workspace, model(ctx), hub.config().owner()));
  }

  private void update(Context ctx) {
    ModelRecord m = model(ctx);
    JsonNode body = hub.json().objectBody(ctx);
    String name = HubJson.text(body, "name");
    if (name != null && name.isBlank()) {
      throw ApiException.badRequest("a model needs a name");
    }
    ModelRecord updated = hub.change(() -> workspace.models().update(m.id(), name, HubJson.text(body, "description")));
    HubJson.ok(ctx, json(workspace, updated, hub.config().owner()));
  }

  private void delete(Context ctx) {
    ModelRecord m = model(ctx);
    hub.change(() -> {
      workspace.models().delete(m.id());
      return null;
    });
    HubJson.ok(ctx);
  }

  private void files(Context ctx) {
    ModelRecord m = model(ctx);
    String url = hub.signedGet(ctx, "/files/models/" + m.id());
    ObjectNode n = HubJson.object();
    n.put("downloadUrl", url);
    ObjectNode file = n.putArray("files").addObject();
    file.put("name", m.fileName());
    file.put("format", m.format());
    file.put("size", m.fileSize());
    file.put("url", url);
    HubJson.ok(ctx, n);
  }
}
