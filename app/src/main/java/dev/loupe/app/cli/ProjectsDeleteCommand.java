package dev.loupe.app.cli;

import dev.loupe.core.domain.Project;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe projects delete PROJECT}: only an empty project (move or delete its models first). */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an empty project.")
public final class ProjectsDeleteCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "PROJECT", description = "Slug or id.")
  String project;

  public ProjectsDeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      Project p = ws.projects().require(project);
      ws.projects().delete(p.id());
      context.out().println("deleted project " + p.slug());
      context.out().flush();
      return 0;
    }
  }
}
