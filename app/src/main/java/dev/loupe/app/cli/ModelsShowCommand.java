package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe models show MODEL}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a model.")
public final class ModelsShowCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Slug or id.")
  String model;

  public ModelsShowCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      ProjectsOutput.model(context, ws, ws.models().require(model));
      return 0;
    }
  }
}
