package dev.loupe.app.cli;

import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.workspace.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code loupe models delete MODEL}: the record, and the file when no other model holds it. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a model and its file.")
public final class ModelsDeleteCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Slug or id.")
  String model;

  public ModelsDeleteCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace ws = context.openWorkspace()) {
      ModelRecord m = ws.models().require(model);
      ws.models().delete(m.id());
      context.out().println("deleted model " + m.slug());
      context.out().flush();
      return 0;
    }
  }
}
