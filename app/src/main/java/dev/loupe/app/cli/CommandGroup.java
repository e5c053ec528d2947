package dev.loupe.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** A command that only holds subcommands ({@code dataset}, {@code trash}, ...). */
@Command(mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND")
public final class CommandGroup implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** A group called {@code name} holding {@code commands} (annotated command objects). */
  public static CommandLine of(String name, String description, Object... commands) {
    CommandLine group = new CommandLine(new CommandGroup());
    group.getCommandSpec().name(name);
    group.getCommandSpec().usageMessage().description(description);
    for (Object command : commands) {
      group.addSubcommand(command);
    }
    return group;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
