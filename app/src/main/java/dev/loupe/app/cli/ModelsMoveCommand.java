package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe models move MODEL --project P | --no-project}. */
@Command(name = "move", mixinStandardHelpOptions = true, description = "Move a model into a project, or out of one.")
public final class ModelsMoveCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Slug or id.")
  String model;

  @ArgGroup(multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--project", paramLabel = "PROJECT", description = "The project (slug or id).")
    String project;

    @Option(names = "--no-project", description = "Take it out of its project.")
    boolean none;
  }

  public ModelsMoveCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      var m = ws.models().move(model, target.none ? null : target.project);
      if (context.json()) {
        ProjectsOutput.model(context, ws, m);
      } else {
        context.out().println("moved " + m.slug() + (target.none ? " out of its project" : " to " + target.project));
        context.out().flush();
      }
      return 0;
    }
  }
}
