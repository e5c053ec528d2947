package dev.loupe.app.cli;

import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loupe trash empty}. */
@Command(name = "empty", mixinStandardHelpOptions = true, description = "Delete everything in the trash for good.")
public final class TrashEmptyCommand implements Callable<Integer> {
  private final CliContext context;

  public TrashEmptyCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      int purged = workspace.trash().empty();
      context.out().println("purged " + purged + " datasets");
      context.out().flush();
      return 0;
    }
  }
}
