package dev.loupe.app.gui;

import dev.loupe.app.cli.CliContext;
import dev.loupe.app.cli.EngineMixin;
import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
    SettingsStore settings = SettingsStore.open(context.configDirs());
    ModelRuntime engines = ModelRuntime.engines(engineOptions(settings.get()));
    String noDisplay = DisplayCheck.whyNoDisplay(context::env);
    if (noDisplay != null) {
      context.err().println("error: cannot open the workbench window: " + noDisplay
          + ". Run it on a desktop, or use Loupe's commands (loupe --help).");
      context.err().flush();
      return 1;
    }
    try (Workspace workspace = context.openWorkspace()) {
      Workbench.run(workspace, engines, settings, screenshots, closeWhenShown);
    }
    return 0;
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
