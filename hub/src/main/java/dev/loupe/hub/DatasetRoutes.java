package dev.loupe.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.workspace.DatasetPatch;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.TrainingRun;
import dev.loupe.core.workspace.Workspace;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/datasets}: list, get, create, update, delete (to the trash), class statistics and the
 * models trained on a dataset. A local hub has one owner ({@link HubConfig#owner()}): every dataset
 * is theirs, and a list for another {@code username} or {@code owner} is empty.
 */
final class DatasetRoutes {
  private static final int MAX_LIST = 1000;

  private final HubServices hub;
  private final Workspace workspace;

  DatasetRoutes(HubServices hub) {
    this.hub = hub;
    this.workspace = hub.workspace();
  }

  void register(RoutesConfig routes) {
    routes.get("/api/datasets", this::list);
    routes.post("/api/datasets", this::create);
    routes.get("/api/datasets/{id}", this::get);
    routes.patch("/api/datasets/{id}", this::update);
    routes.delete("/api/datasets/{id}", this::delete);
    routes.get("/api/datasets/{id}/class-stats", this::classStats);
    routes.get("/api/datasets/{id}/models", this::models);
  }

  /** The dataset a request's {@code {id}} names (its id or slug), or a 404. */
  Dataset dataset(Context ctx) {
    String id = PathIds.id(ctx.pathParam("id"), "dataset id");
    return workspace.datasets().find(id).orElseThrow(() -> ApiException.notFound("Dataset not found"));
  }

  ObjectNode json(Dataset d) {
    ObjectNode n = ApiJson.dataset(d, workspace.images().counts(d.id()));
    n.put("username", hub.config().owner());
    return n;
  }

  private void list(Context ctx) {
    int limit = Query.integer(ctx, "limit", MAX_LIST, 1, MAX_LIST);
    String slug = ctx.queryParam("slug");
    List<ObjectNode> out = new ArrayList<>();
    if (ownerMatches(ctx.queryParam("username")) && ownerMatches(ctx.queryParam("owner"))) {
      for (Dataset d : workspace.datasets().list()) {
        if ((slug == null || slug.equals(d.slug())) && out.size() < limit) {
          out.add(json(d));
        }
      }
    }
    ObjectNode n = ApiJson.datasets(out);
    n.put("region", "local");
    HubJson.ok(ctx, n);
  }

  private boolean ownerMatches(String name) {
    return name == null || name.isBlank() || name.equals(hub.config().owner());
  }

  private void get(Context ctx) {
    HubJson.ok(ctx, json(dataset(ctx)));
  }

  private void create(Context ctx) {
    JsonNode body = hub.json().objectBody(ctx);
    String name = HubJson.text(body, "name");
    String slug = HubJson.text(body, "slug");
    if ((name == null || name.isBlank()) && slug == null) {
      throw ApiException.badRequest("a dataset needs a name or a slug");
    }
    String taskName = HubJson.text(body, "task");
    Task task = taskName == null ? Task.DETECT : Task.parse(taskName);
    String visibility = HubJson.text(body, "visibility");
    List<String> classNames = body.has("classNames") ? HubJson.strings(body, "classNames", 10_000) : List.of();
    KptShape kpt = null;
    if (body.path("kptShape").isArray() && body.get("kptShape").size() == 2) {
      kpt = new KptShape(body.get("kptShape").get(0).asInt(), body.get("kptShape").get(1).asInt());
    }
    NewDataset spec = new NewDataset(slug, name == null || name.isBlank() ? slug : name, HubJson.text(body, "description"),
        task, classNames, visibility == null ? null : Visibility.parse(visibility), kpt, null, Map.of());
    Dataset created = hub.change(() -> workspace.datasets().create(spec));
    HubJson.send(ctx, 201, json(created));
  }

  private void update(Context ctx) {
    Dataset d = dataset(ctx);
    JsonNode body = hub.json().objectBody(ctx);
    String visibility = HubJson.text(body, "visibility");
    DatasetPatch patch = new DatasetPatch(HubJson.text(body, "name"), HubJson.text(body, "description"),
        visibility == null ? null : Visibility.parse(visibility));
    HubJson.ok(ctx, json(hub.change(() -> workspace.datasets().update(d.id(), patch))));
  }

  private void delete(Context ctx) {
    Dataset d = dataset(ctx);
    hub.change(() -> {
      workspace.trash().moveToTrash(d.id());
      return null;
    });
    HubJson.ok(ctx);
  }

  private void classStats(Context ctx) {
    Dataset d = dataset(ctx);
    HubJson.ok(ctx, ApiJson.classStats(workspace.classStats().get(d.id())));
  }

  /** The models that training runs over this dataset made (best weights and their ONNX export). */
  private void models(Context ctx) {
    Dataset d = dataset(ctx);
    Set<String> ids = new LinkedHashSet<>();
    for (TrainingRun run : workspace.trainingRuns().list()) {
      if (d.id().equals(run.datasetId())) {
        if (run.modelId() != null) {
          ids.add(run.modelId());
        }
        if (run.onnxModelId() != null) {
          ids.add(run.onnxModelId());
        }
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    for (String id : ids) {
      workspace.models().find(id).ifPresent(m -> out.add(ModelRoutes.json(workspace, m, hub.config().owner())));
    }
    HubJson.ok(ctx, ModelJson.models(out));
  }
}
