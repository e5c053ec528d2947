package dev.loupe.app.gui;

import dev.loupe.app.cli.CliContext;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loupe gui}: the workbench window on the workspace (also what {@code loupe} alone opens). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window.")
public final class GuiCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(names = "--screenshot", paramLabel = "DIR", hidden = true,
      description = "Write PNGs of the main views to DIR, then close.")
  Path screenshots;

  public GuiCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    String noDisplay = DisplayCheck.whyNoDisplay(context::env);
    if (noDisplay != null) {
      context.err().println("error: cannot open the workbench window: " + noDisplay
          + ". Run it on a desktop, or use Loupe's commands (loupe --help).");
      context.err().flush();
      return 1;
    }
    try (Workspace workspace = context.openWorkspace()) {
      Workbench.run(workspace, screenshots);
    }
    return 0;
  }
}
