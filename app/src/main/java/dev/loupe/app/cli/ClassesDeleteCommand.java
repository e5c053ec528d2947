package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe classes delete DATASET CLASS_ID}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Delete a class and its labels; later classes move down by one.")
public final class ClassesDeleteCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "CLASS_ID", description = "Class to delete.")
  int classId;

  public ClassesDeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      long removed = workspace.classes().delete(dataset, classId);
      ClassesOutput.print(context, workspace, dataset, removed + " labels removed");
      return 0;
    }
  }
}
