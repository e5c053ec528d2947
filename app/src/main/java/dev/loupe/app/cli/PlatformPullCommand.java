package dev.loupe.app.cli;

import dev.loupe.core.sync.PullResult;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe platform pull REMOTE [--name N]}: a platform dataset (slug, id or
 * {@code ul://user/datasets/slug}) into a new local dataset, or the linked one brought up to date
 * ({@code --json}: the shape of {@code loupe import}, plus the images that could not be fetched).
 */
@Command(name = "pull", mixinStandardHelpOptions = true,
    description = "Fetch a platform dataset into the workspace; images that fail are named and fetched next time.")
public final class PlatformPullCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "REMOTE", description = "Slug, id or ul://user/datasets/slug.")
  String remote;

  @Option(names = "--name", paramLabel = "N", description = "The new local dataset's name (default: the remote one's).")
  String name;

  public PlatformPullCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    return PlatformAccess.sync(context, (sync, workspace, progress) -> {
      PullResult r = sync.pull(remote, name, progress);
      progress.endLine();
      if (context.json()) {
        context.printJson(PlatformSyncJson.pull(r, workspace));
      } else {
        PlatformSyncJson.printPull(r, context.out());
      }
    });
  }
}
