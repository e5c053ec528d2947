package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.Project;
import dev.loupe.core.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loupe projects list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the projects.")
public final class ProjectsListCommand implements Callable<Integer> {
  private final CliContext context;

  public ProjectsListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      List<Project> projects = ws.projects().list();
      if (context.json()) {
        List<ObjectNode> nodes = new ArrayList<>();
        projects.forEach(p -> nodes.add(ModelJson.project(p, ws.models().list(p.id()).size())));
        context.printJson(ModelJson.projects(nodes));
        return 0;
      }
      if (projects.isEmpty()) {
        context.out().println("no projects (create one with 'loupe projects create --name N')");
        context.out().flush();
        return 0;
      }
      TextTable table = new TextTable("SLUG", "NAME", "MODELS", "VISIBILITY", "CREATED").alignRight(2);
      for (Project p : projects) {
        table.row(p.slug(), p.name(), ws.models().list(p.id()).size(), p.visibility().apiName(), Dates.format(p.createdAt()));
      }
      table.print(context.out());
      return 0;
    }
  }
}
