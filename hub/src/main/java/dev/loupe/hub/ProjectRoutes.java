package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.Project;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.workspace.NewProject;
import dev.loupe.core.workspace.ProjectPatch;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/projects}: list, get, create, update, delete. A project still holding models is not
 * deleted (409): the workspace keeps no trash of projects.
 */
final class ProjectRoutes {
  private final HubServices hub;
  private final Workspace workspace;

  ProjectRoutes(HubServices hub) {
    this.hub = hub;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.get("/api/projects", this::list);
    routes.post("/api/projects", this::create);
    routes.get("/api/projects/{id}", this::get);
    routes.patch("/api/projects/{id}", this::update);
    routes.delete("/api/projects/{id}", this::delete);
  }

  private Project project(Context ctx) {
    String id = PathIds.id(ctx.pathParam("id"), "project id");
    return workspace.projects().find(id).orElseThrow(() -> ApiException.notFound("Project not found"));
  }

  private ObjectNode json(Project p) {
    ObjectNode n = ModelJson.project(p, workspace.models().list(p.id()).size());
    n.put("username", hub.config().owner());
    return n;
  }

  private void list(Context ctx) {
    int limit = Query.integer(ctx, "limit", 1000, 1, 1000);
    List<ObjectNode> out = new ArrayList<>();
    String user = ctx.queryParam("username");
    String owner = ctx.queryParam("owner");
    if ((user == null || user.equals(hub.config().owner())) && (owner == null || owner.equals(hub.config().owner()))) {
      for (Project p : workspace.projects().list()) {
        if (out.size() < limit) {
          out.add(json(p));
        }
      }
    }
    HubJson.ok(ctx, ModelJson.projects(out));
  }

  private void get(Context ctx) {
    HubJson.ok(ctx, json(project(ctx)));
  }

  private void create(Context ctx) {
    JsonNode body = hub.json().objectBody(ctx);
    String visibility = HubJson.text(body, "visibility");
    NewProject spec = new NewProject(HubJson.text(body, "slug"), HubJson.requiredText(body, "name"),
        HubJson.text(body, "description"), visibility == null ? null : Visibility.parse(visibility));
    HubJson.send(ctx, 201, json(hub.change(() -> workspace.projects().create(spec))));
  }

  private void update(Context ctx) {
    Project p = project(ctx);
    JsonNode body = hub.json().objectBody(ctx);
    String visibility = HubJson.text(body, "visibility");
    ProjectPatch patch = new ProjectPatch(HubJson.text(body, "name"), HubJson.text(body, "description"),
        visibility == null ? null : Visibility.parse(visibility));
    HubJson.ok(ctx, json(hub.change(() -> workspace.projects().update(p.id(), patch))));
  }

  private void delete(Context ctx) {
    Project p = project(ctx);
    hub.change(() -> {
      workspace.projects().delete(p.id());
      return null;
    });
    HubJson.ok(ctx);
  }
}
