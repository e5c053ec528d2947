package dev.loupe.app.cli;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe delete DATASET}: to the trash, restorable for 30 days. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Move a dataset to the trash.")
public final class DeleteCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "Slug or id.")
  String dataset;

  public DeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      Dataset d = workspace.datasets().require(dataset);
      workspace.trash().moveToTrash(d.id());
      context.out().println("moved " + d.slug() + " to the trash; restore it with 'loupe trash restore " + d.id() + "'");
      context.out().flush();
      return 0;
    }
  }
}
