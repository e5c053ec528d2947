package dev.loupe.app.cli;

import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.sync.PlatformSync;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.sync.SyncResult;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe platform sync DATASET}: changes both ways; an image changed on both sides keeps the
 * local version and the remote one becomes a conflict ({@code --json}: {@code {"pushed": {...},
 * "pulled": {...}, "conflicts": [...]}}).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = "Sync a dataset with its platform dataset both ways; conflicts are kept, never overwritten.")
public final class PlatformSyncCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "The local dataset's slug or id.")
  String dataset;

  public PlatformSyncCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    try (ConsoleProgress progress = context.progress();
        Workspace workspace = context.openWorkspace();
        PlatformClient client = PlatformAccess.client(context)) {
      SyncResult r = new PlatformSync(workspace, client, SyncOptions.defaults()).sync(dataset, progress);
      progress.endLine();
      if (context.json()) {
        context.printJson(PlatformSyncJson.sync(r, workspace));
      } else {
        PlatformSyncJson.printPush(r.pushed(), context.out());
        PlatformSyncJson.printPull(r.pulled(), context.out());
        PlatformSyncJson.printConflicts(r.conflicts(), context.out());
      }
      return 0;
    } catch (PlatformException e) {
      throw PlatformAccess.failure(e);
    }
  }
}
