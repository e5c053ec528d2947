package dev.loupe.app.cli;

import dev.loupe.core.api.ApiJson;
import dev.loupe.core.workspace.TrashEntry;
import dev.loupe.core.workspace.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code loupe trash list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the datasets in the trash.")
public final class TrashListCommand implements Callable<Integer> {
  private final CliContext context;

  public TrashListCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (Workspace workspace = context.openWorkspace()) {
      List<TrashEntry> entries = workspace.trash().list();
      if (context.json()) {
        context.printJson(ApiJson.trash(entries));
        return 0;
      }
      if (entries.isEmpty()) {
        context.out().println("the trash is empty");
        context.out().flush();
        return 0;
      }
      TextTable table = new TextTable("ID", "SLUG", "IMAGES", "DELETED", "PURGED AFTER").alignRight(2);
      for (TrashEntry e : entries) {
        table.row(e.id(), e.slug(), e.imageCount(), Dates.format(e.deletedAt()), Dates.format(e.expiresAt()));
      }
      table.print(context.out());
      return 0;
    }
  }
}
