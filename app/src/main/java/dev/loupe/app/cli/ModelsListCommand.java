package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe models list [--project P]}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the models.")
public final class ModelsListCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--project", paramLabel = "PROJECT", description = "Only this project's models.")
  String project;

  public ModelsListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      List<ModelRecord> models = ws.models().list(project);
      if (context.json()) {
        List<ObjectNode> nodes = new ArrayList<>();
        models.forEach(m -> nodes.add(ModelJson.model(m, ProjectsOutput.projectOf(ws, m))));
        context.printJson(ModelJson.models(nodes));
        return 0;
      }
      if (models.isEmpty()) {
        context.out().println("no models (import one with 'loupe models import FILE')");
        context.out().flush();
        return 0;
      }
      TextTable table = new TextTable("SLUG", "TASK", "FORMAT", "CLASSES", "IMGSZ", "PROJECT", "IMPORTED").alignRight(3);
      for (ModelRecord m : models) {
        Project p = ProjectsOutput.projectOf(ws, m);
        table.row(m.slug(), m.task() == null ? "?" : m.task().apiName(), m.format(), m.classNames().size(),
            m.imgszH() > 0 ? m.imgszH() + "x" + m.imgszW() : "", p == null ? "" : p.slug(), Dates.format(m.createdAt()));
      }
      table.print(context.out());
      return 0;
    }
  }
}
