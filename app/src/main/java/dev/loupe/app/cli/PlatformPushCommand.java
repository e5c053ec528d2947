package dev.loupe.app.cli;

import dev.loupe.core.sync.PushResult;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe platform push DATASET [--slug S]}: the dataset to the platform, created there when not
 * linked yet; images it has are skipped ({@code --json}: {@code {"remote": {"_id", "slug"},
 * "uploaded", "skipped", "labels", ...}}).
 */
@Command(name = "push", mixinStandardHelpOptions = true,
    description = "Send a dataset to the platform (created there if needed); safe to repeat or resume.")
public final class PlatformPushCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "DATASET", description = "The local dataset's slug or id.")
  String dataset;

  @Option(names = "--slug", paramLabel = "S", description = "The remote dataset's slug (default: the local one).")
  String slug;

  public PlatformPushCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    return PlatformAccess.sync(context, (sync, workspace, progress) -> {
      PushResult r = sync.push(dataset, slug, progress);
      progress.endLine();
      if (context.json()) {
        context.printJson(PlatformSyncJson.push(r));
      } else {
        PlatformSyncJson.printPush(r, context.out());
      }
    });
  }
}
