package dev.loupe.app.gui;

import dev.loupe.app.cli.CliContext;
import dev.loupe.app.cli.EngineMixin;
import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code loupe gui [--device D] [--threads N]}: the workbench window on the workspace (also what
 * {@code loupe} alone opens); the models it runs (pre-labels, auto-annotation) load on that device
 * (without the options: the device and threads of the window's settings).
 */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window.")
public final class GuiCommand implements Callable<Integer> {
  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin EngineMixin engine;

  @Option(names = "--screenshot", paramLabel = "DIR", hidden = true,
      description = "Write PNGs of the main views to DIR, then close.")
  Path screenshots;

  @Option(names = "--close-when-shown", hidden = true,
      description = "Print 'window shown after N ms' once the first frame is drawn, then close"
          + " (loupe bench cold-start).")
  boolean closeWhenShown;

  public GuiCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    return open(context, this::engineOptions, screenshots, closeWhenShown, false).orElseThrow();
  }

  /**
   * Opens the window on the context's workspace and returns its exit code once it is closed; the
   * models run with {@code engines} of the window's settings. With {@code onlyWithDatasets}, a
   * workspace without datasets is closed again and nothing is returned: {@code loupe} alone makes
   * the demo dataset first ({@code Main} then runs the whole command line).
   */
  public static OptionalInt open(CliContext context, Function<AppSettings, EngineOptions> engines,
      Path screenshots, boolean closeWhenShown, boolean onlyWithDatasets) throws InterruptedException {
    SettingsStore settings = SettingsStore.open(context.configDirs());
    ModelRuntime runtime = ModelRuntime.engines(engines.apply(settings.get()));
    String noDisplay = DisplayCheck.whyNoDisplay(context::env);
    if (noDisplay != null && !onlyWithDatasets) {
      return noWindow(context, noDisplay);
    }
    try (Workspace workspace = context.openWorkspace()) {
      if (onlyWithDatasets && workspace.datasets().list().isEmpty()) {
        return OptionalInt.empty();
      }
      if (noDisplay != null) {
        return noWindow(context, noDisplay);
      }
      Workbench.run(workspace, runtime, settings, screenshots, closeWhenShown);
    }
    return OptionalInt.of(0);
  }

  private static OptionalInt noWindow(CliContext context, String why) {
    context.err().println("error: cannot open the workbench window: " + why
        + ". Run it on a desktop, or use Loupe's commands (loupe --help).");
    context.err().flush();
    return OptionalInt.of(1);
  }

  /** {@code --device} and {@code --threads} where given, else the settings' device and threads. */
  private EngineOptions engineOptions(AppSettings settings) {
    EngineOptions given = engine.options(spec);
    var parsed = spec.commandLine().getParseResult();
    return new EngineOptions(
        parsed.hasMatchedOption("--threads") ? given.threads() : settings.threads(),
        parsed.hasMatchedOption("--device") ? given.device() : settings.device());
  }
}
