package dev.loupe.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.loupe.app.gui.AppSettings;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.platform.ConfigDirs;
import dev.loupe.core.workspace.Workspace;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What commands share: the global options, where output goes, the environment the workspace folder
 * is found from, and how progress and Ctrl+C are handled. Built once per run by {@code Main}; tests
 * build one with captured streams.
 */
public final class CliContext {
  private final GlobalOptions options;
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private final Path home;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final InterruptHooks interruptHooks;

  public CliContext(
      GlobalOptions options,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      Path home,
      boolean terminal,
      LongSupplier nanoClock,
      InterruptHooks interruptHooks) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = Map.copyOf(env);
    this.home = home;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.interruptHooks = interruptHooks;
  }

  public GlobalOptions options() {
    return options;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public InputStream in() {
    return in;
  }

  /** An environment variable, or null. */
  public String env(String name) {
    return env.get(name);
  }

  public boolean json() {
    return options.json();
  }

  /**
   * {@code --workspace}, else {@code $LOUPE_WORKSPACE}, else the one chosen in the window's settings,
   * else {@code ~/.loupe}.
   */
  public Path workspaceDir() {
    if (options.workspace() != null) {
      return options.workspace();
    }
    String fromEnv = env.get("LOUPE_WORKSPACE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    Path chosen = AppSettings.workspaceIn(settingsFile());
    return chosen != null ? chosen : home.resolve(".loupe");
  }

  /** Loupe's user config folders in this run's environment. */
  public ConfigDirs configDirs() {
    return new ConfigDirs(env::get, home, System.getProperty("os.name"));
  }

  /** The window's settings file ({@link AppSettings}). */
  public Path settingsFile() {
    return AppSettings.defaultFile(configDirs());
  }

  /** Opens the workspace; the caller closes it (try-with-resources). */
  public Workspace openWorkspace() {
    return Workspace.open(workspaceDir());
  }

  /** A progress line on stderr that Ctrl+C cancels; close it after the workspace. */
  public ConsoleProgress progress() {
    ConsoleProgress progress = new ConsoleProgress(err, terminal, nanoClock);
    progress.attach(interruptHooks.install(progress::cancel, progress::awaitFinished));
    return progress;
  }

  public void printJson(JsonNode node) {
    try {
      out.println(ApiJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
