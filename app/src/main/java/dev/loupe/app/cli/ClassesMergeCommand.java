package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe classes merge DATASET --from 1,2 --into 0}. */
@Command(name = "merge", mixinStandardHelpOptions = true,
    description = "Move the labels of some classes into another and remove those classes.")
public final class ClassesMergeCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--from", required = true, split = ",", paramLabel = "ID", description = "Classes to merge away.")
  List<Integer> from;

  @Option(names = "--into", required = true, paramLabel = "ID", description = "Class that receives their labels.")
  int into;

  public ClassesMergeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      long changed = workspace.classes().merge(dataset, from, into);
      ClassesOutput.print(context, workspace, dataset, changed + " labels changed class");
      return 0;
    }
  }
}
