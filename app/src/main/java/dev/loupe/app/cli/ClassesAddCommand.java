package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe classes add DATASET NAME}. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a class at the end.")
public final class ClassesAddCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "NAME", description = "The new class's name.")
  String name;

  public ClassesAddCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      workspace.classes().add(dataset, name);
      ClassesOutput.print(context, workspace, dataset, "added class " + name);
      return 0;
    }
  }
}
