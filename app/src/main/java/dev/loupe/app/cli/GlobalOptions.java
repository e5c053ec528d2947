package dev.loupe.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command takes, before or after its name; one instance shared by all commands. */
public final class GlobalOptions {
  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Workspace folder (default: $LOUPE_WORKSPACE, else ~/.loupe).")
  Path workspace;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "Print the result as JSON in the platform API's shape.")
  boolean json;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  /** The options of a start that names only its workspace ({@code null}: the default one). */
  public static GlobalOptions ofWorkspace(Path workspace) {
    GlobalOptions options = new GlobalOptions();
    options.workspace = workspace;
    return options;
  }

  public Path workspace() {
    return workspace;
  }

  public boolean json() {
    return json;
  }

  public boolean debug() {
    return debug;
  }
}
