package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe trash purge ID}. */
@Command(name = "purge", mixinStandardHelpOptions = true, description = "Delete a trashed dataset for good.")
public final class TrashPurgeCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "ID", description = "The trashed dataset's id.")
  String id;

  public TrashPurgeCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      workspace.trash().purge(id);
      context.out().println("purged " + id);
      context.out().flush();
      return 0;
    }
  }
}
