package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe delete-images DATASET HASH...}. */
@Command(name = "delete-images", mixinStandardHelpOptions = true, description = "Delete images from a dataset.")
public final class DeleteImagesCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "HASH", description = "Images to delete.")
  List<String> hashes;

  public DeleteImagesCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      int deleted = workspace.images().delete(dataset, hashes);
      context.out().println("deleted " + deleted + " of " + hashes.size() + " images");
      context.out().flush();
      return 0;
    }
  }
}
