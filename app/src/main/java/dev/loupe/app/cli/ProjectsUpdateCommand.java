package dev.loupe.app.cli;

import dev.loupe.core.domain.Project;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.workspace.ProjectPatch;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe projects update PROJECT [--name --description --visibility]}. */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Rename or re-describe a project.")
public final class ProjectsUpdateCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "PROJECT", description = "Slug or id.")
  String project;

  @Option(names = "--name", description = "New name.")
  String name;

  @Option(names = "--description", description = "New description.")
  String description;

  @Option(names = "--visibility", converter = Converters.VisibilityConverter.class, description = "private or public.")
  Visibility visibility;

  public ProjectsUpdateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      Project p = ws.projects().update(project, new ProjectPatch(name, description, visibility));
      if (context.json()) {
        ProjectsOutput.project(context, ws, p);
      } else {
        context.out().println("updated project " + p.slug());
        context.out().flush();
      }
      return 0;
    }
  }
}
