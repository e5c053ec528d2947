package dev.loupe.app.cli;

import dev.loupe.core.platform.ConfigDirs;
import dev.loupe.core.platform.PlatformClient;
import dev.loupe.core.platform.PlatformConfig;
import dev.loupe.core.platform.PlatformException;
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
  public static CommandLine group(CliContext c) {
    return CommandGroup.of("platform",
        "The Ultralytics Platform: log in, list remote datasets and models, GPUs, export models.",
        new PlatformLoginCommand(c), new PlatformLogoutCommand(c), new PlatformDatasetsCommand(c),
        new PlatformModelsCommand(c), new PlatformGpusCommand(c), new PlatformExportCommand(c, ModelRuntime.engines()));
  }

  static ConfigDirs dirs(CliContext c) {
    return new ConfigDirs(c::env, Path.of(System.getProperty("user.home")), System.getProperty("os.name"));
  }

  static PlatformClient client(CliContext c) {
    return PlatformClient.open(PlatformConfig.resolve(dirs(c), null));
  }

  /** A platform failure as an IOException, which the error reporter prints as one line. */
  static IOException failure(PlatformException e) {
    return new IOException(e.getMessage(), e);
  }
}
