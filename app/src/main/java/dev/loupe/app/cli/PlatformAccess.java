package dev.loupe.app.cli;

import dev.loupe.core.platform.ConfigDirs;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformConfig;
import dev.loupe.core.platform.PlatformException;
import dev.loupe.core.sync.PlatformSync;
import dev.loupe.core.sync.SyncOptions;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What the {@code loupe platform} commands share: the config folders from the command's environment,
 * the client, and platform failures as one-line errors.
 */
public final class PlatformAccess {
  private PlatformAccess() {}

  /** {@code loupe platform} and its commands. */
  public static CommandLine group(CliContext c, ModelRuntime runtime) {
    return CommandGroup.of("platform",
        "The Ultralytics Platform: log in, list remote datasets and models, GPUs, export models, sync datasets.",
        new PlatformLoginCommand(c), new PlatformLogoutCommand(c), new PlatformDatasetsCommand(c),
        new PlatformModelsCommand(c), new PlatformGpusCommand(c), new PlatformExportCommand(c, ModelRuntime.engines()))
        .addSubcommand(new PlatformPushCommand(c)).addSubcommand(new PlatformPullCommand(c))
        .addSubcommand(new PlatformSyncCommand(c)).addSubcommand(new PlatformConflictsCommand(c))
        .addSubcommand(CommandGroup.of("model", "A platform model's files into the registry.",
            new PlatformModelPullCommand(c, runtime)));
  }

  static ConfigDirs dirs(CliContext c) {
    return new ConfigDirs(c::env, Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
  }

  static PlatformClient client(CliContext c) {
    return PlatformClient.open(PlatformConfig.resolve(dirs(c), null));
  }

  /** What push, pull and sync do once the workspace, the client and the progress line are open. */
  @FunctionalInterface
  interface SyncWork {
    void run(PlatformSync sync, Workspace workspace, ConsoleProgress progress) throws IOException;
  }

  /**
   * Opens the progress line, the workspace and the client, runs {@code work} on the sync engine and
   * ends the progress line; platform failures become one-line errors.
   */
  static int sync(CliContext c, SyncWork work) throws IOException {
    try (ConsoleProgress progress = c.progress();
        Workspace workspace = c.openWorkspace();
        PlatformClient client = client(c)) {
      work.run(new PlatformSync(workspace, client, SyncOptions.defaults()), workspace, progress);
      return 0;
    } catch (PlatformException e) {
      throw failure(e);
    }
  }

  /** A platform failure as an IOException, which the error reporter prints as one line. */
  static IOException failure(PlatformException e) {
    return new IOException(e.getMessage(), e);
  }
}
