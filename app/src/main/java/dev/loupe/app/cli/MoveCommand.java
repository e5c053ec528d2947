package dev.loupe.app.cli;

import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code loupe move DATASET --to val HASH...}. */
@Command(name = "move", mixinStandardHelpOptions = true, description = "Move images to another split.")
public final class MoveCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Option(names = "--to", required = true, converter = Converters.SplitConverter.class, description = "train, val or test.")
  Split to;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "HASH", description = "Images to move.")
  List<String> hashes;

  public MoveCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      int moved = workspace.images().moveToSplit(dataset, hashes, to);
      context.out().println("moved " + moved + " images to " + to.apiName());
      context.out().flush();
      return 0;
    }
  }
}
