package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe classes rename DATASET CLASS_ID NEW_NAME}. */
@Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a class.")
public final class ClassesRenameCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1", paramLabel = "CLASS_ID", description = "Class to rename.")
  int classId;

  @Parameters(index = "2", paramLabel = "NEW_NAME", description = "Its new name.")
  String newName;

  public ClassesRenameCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      workspace.classes().rename(dataset, classId, newName);
      ClassesOutput.print(context, workspace, dataset, "renamed class " + classId + " to " + newName);
      return 0;
    }
  }
}
