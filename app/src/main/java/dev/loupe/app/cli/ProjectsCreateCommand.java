package dev.loupe.app.cli;

import dev.loupe.core.domain.Project;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.workspace.NewProject;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe projects create --name N}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a project for models.")
public final class ProjectsCreateCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--name", required = true, description = "Project name.")
  String name;

  @Option(names = "--slug", description = "URL name (default: from the name).")
  String slug;

  @Option(names = "--description", description = "Free text.")
  String description;

  @Option(names = "--visibility", converter = Converters.VisibilityConverter.class, description = "private or public.")
  Visibility visibility;

  public ProjectsCreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      Project p = ws.projects().create(new NewProject(slug, name, description, visibility));
      if (context.json()) {
        ProjectsOutput.project(context, ws, p);
      } else {
        context.out().println("created project " + p.slug() + " (" + p.id() + ")");
        context.out().flush();
      }
      return 0;
    }
  }
}
