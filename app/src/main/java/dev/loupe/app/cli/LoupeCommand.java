package dev.loupe.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top command. With no subcommand it starts Loupe on its workspace: the first time, with a demo
 * dataset; then it opens the workbench window, or, where no window can be opened (a server, CI),
 * lists the datasets and the commands.
 */
@Command(
    name = "loupe",
    mixinStandardHelpOptions = true,
    versionProvider = LoupeCommand.Version.class,
    description = "A workbench for computer-vision datasets.",
    synopsisSubcommandLabel = "COMMAND")
public final class LoupeCommand implements Callable<Integer> {
  /** Images in the demo dataset made on the first start. */
  static final int FIRST_START_IMAGES = 200;

  @Mixin private final GlobalOptions options;
  private final CliContext context;

  @Spec private CommandSpec spec;

  public LoupeCommand(CliContext context) {
    this.context = context;
    this.options = context.options();
  }

  @Override
  public Integer call() {
    boolean empty;
    try (var workspace = context.openWorkspace()) {
      empty = workspace.datasets().list().isEmpty();
    }
    picocli.CommandLine root = spec.commandLine();
    if (empty) {
      context.out().println("First start: making a demo dataset in " + context.workspaceDir());
      context.out().flush();
      int code = root.getSubcommands().get("demo").execute("--images", Integer.toString(FIRST_START_IMAGES));
      if (code != 0) {
        return code;
      }
    }
    String noDisplay = dev.loupe.app.gui.DisplayCheck.whyNoDisplay(context::env);
    if (noDisplay == null && root.getSubcommands().containsKey("gui")) {
      return root.getSubcommands().get("gui").execute();
    }
    context.out().println();
    context.out().println("Workspace " + context.workspaceDir() + ":");
    context.out().flush();
    root.getSubcommands().get("datasets").execute();
    context.out().println();
    context.out().println("The workbench window needs a display ("
        + (noDisplay == null ? "none found" : noDisplay) + "); Loupe's commands:");
    context.out().flush();
    root.usage(root.getOut());
    return 0;
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = LoupeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"loupe " + (v == null ? "(development build)" : v)};
    }
  }
}
