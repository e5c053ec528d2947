package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.platform.PlatformJson;
import dev.loupe.core.platform.remote.ModelQuery;
import dev.loupe.core.platform.remote.ProjectQuery;
import dev.loupe.core.platform.remote.RemoteModel;
import dev.loupe.core.platform.remote.RemoteProject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe platform models [PROJECT]}: a project's models (by id or slug) with their metrics, or
 * every project's ({@code --json}: {@code {"models": [...]}}).
 */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List models on the platform with their metrics.")
public final class PlatformModelsCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT", description = "A project's id or slug (default: all).")
  String project;

  public PlatformModelsCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    List<RemoteModel> models = new ArrayList<>();
    try (PlatformClient client = PlatformAccess.client(context)) {
      List<RemoteProject> projects = client.projects().list(ProjectQuery.all()).projects();
      List<RemoteProject> chosen = project == null ? projects
          : projects.stream().filter(p -> project.equals(p.id()) || project.equals(p.slug())).toList();
      if (project != null && chosen.isEmpty()) {
        throw new IllegalArgumentException("no project '" + project + "' on the platform");
      }
      for (RemoteProject p : chosen) {
        models.addAll(client.models().list(ModelQuery.ofProject(p.id()).withLimit(100)).models());
      }
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
    if (context.json()) {
      ObjectNode n = ApiJson.MAPPER.createObjectNode();
      n.set("models", PlatformJson.MAPPER.valueToTree(models));
      n.put("count", models.size());
      context.printJson(n);
      return 0;
    }
    if (models.isEmpty()) {
      context.out().println("no models");
      context.out().flush();
      return 0;
    }
    TextTable table = new TextTable("PROJECT", "SLUG", "TASK", "STATUS", "mAP50", "mAP50-95", "ID").alignRight(4, 5);
    for (RemoteModel m : models) {
      Map<String, Double> metrics = m.metrics() == null ? Map.of() : m.metrics();
      table.row(m.projectSlug() == null ? m.projectId() : m.projectSlug(), m.slug(), m.task(), m.status(),
          figure(metrics.get("mAP50")), figure(metrics.get("mAP50-95")), m.id());
    }
    table.print(context.out());
    return 0;
  }

  private static String figure(Double v) {
    return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
  }
}
