package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe projects show PROJECT}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a project.")
public final class ProjectsShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "PROJECT", description = "Slug or id.")
  String project;

  public ProjectsShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      ProjectsOutput.project(context, ws, ws.projects().require(project));
      return 0;
    }
  }
}
