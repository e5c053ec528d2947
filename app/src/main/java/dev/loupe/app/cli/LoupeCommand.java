package dev.loupe.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: with no subcommand it prints help (a later version opens the GUI). */
@Command(
    name = "loupe",
    mixinStandardHelpOptions = true,
    versionProvider = LoupeCommand.Version.class,
    description = "A workbench for computer-vision datasets.",
    synopsisSubcommandLabel = "COMMAND")
public final class LoupeCommand implements Callable<Integer> {
  @Mixin private final GlobalOptions options;

  @Spec private CommandSpec spec;

  public LoupeCommand(GlobalOptions options) {
    this.options = options;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
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
