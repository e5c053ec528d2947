package dev.loupe.core.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.core.platform.remote.NewProject;
import dev.loupe.core.platform.remote.ProjectList;
import dev.loupe.core.platform.remote.ProjectPatch;
import dev.loupe.core.platform.remote.ProjectQuery;
import dev.loupe.core.platform.remote.RemoteProject;

/** The project routes: {@code /api/projects...}. */
public final class ProjectsApi {
  private final PlatformHttp http;

  ProjectsApi(PlatformHttp http) {
    this.http = http;
  }

  /** {@code GET /api/projects}. */
  public ProjectList list(ProjectQuery q) {
    return Responses.read(http.send(ApiRequest.get("projects")
        .query("username", q.username()).query("limit", q.limit()).query("owner", q.owner())), ProjectList.class);
  }

  /** {@code GET /api/projects/{id}}. */
  public RemoteProject get(String projectId) {
    return Responses.read(http.send(ApiRequest.get("projects", projectId)), RemoteProject.class, "project");
  }

  /** {@code POST /api/projects}; sent once. */
  public RemoteProject create(NewProject body) {
    return Responses.read(http.send(ApiRequest.post("projects").json(body)), RemoteProject.class, "project");
  }

  /** {@code PATCH /api/projects/{id}}. */
  public RemoteProject update(String projectId, ProjectPatch patch) {
    JsonNode n = http.send(ApiRequest.patch("projects", projectId).json(patch));
    return n.isMissingNode() || n.path("ok").isBoolean() ? get(projectId) : Responses.read(n, RemoteProject.class, "project");
  }

  /** {@code DELETE /api/projects/{id}}: to the trash. */
  public void delete(String projectId) {
    http.send(ApiRequest.delete("projects", projectId));
  }
}
