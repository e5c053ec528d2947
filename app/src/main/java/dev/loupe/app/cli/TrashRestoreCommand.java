package dev.loupe.app.cli;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe trash restore ID}. */
@Command(name = "restore", mixinStandardHelpOptions = true, description = "Bring a dataset back from the trash.")
public final class TrashRestoreCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "ID", description = "The trashed dataset's id (see 'loupe trash list').")
  String id;

  public TrashRestoreCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      workspace.trash().restore(id);
      Dataset d = workspace.datasets().require(id);
      context.out().println("restored " + d.slug());
      context.out().flush();
      return 0;
    }
  }
}
