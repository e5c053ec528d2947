package dev.loupe.app.cli;

import dev.loupe.core.sync.SyncResult;
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
    return PlatformAccess.sync(context, (sync, workspace, progress) -> {
      SyncResult r = sync.sync(dataset, progress);
      progress.endLine();
      if (context.json()) {
        context.printJson(PlatformSyncJson.sync(r, workspace));
      } else {
        PlatformSyncJson.printPush(r.pushed(), context.out());
        PlatformSyncJson.printPull(r.pulled(), context.out());
        PlatformSyncJson.printConflicts(r.conflicts(), context.out());
      }
    });
  }
}
