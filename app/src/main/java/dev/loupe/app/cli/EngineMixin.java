package dev.loupe.app.cli;

import dev.loupe.core.inference.EngineOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the commands that run a model: where it runs and on how many threads. */
public final class EngineMixin {
  @Option(names = "--device", defaultValue = "auto",
      description = "auto (a GPU when the engine finds one, else the CPU), cpu, gpu or gpu:N (default auto).")
  String device;

  @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
      description = "Threads of one inference (default: the engine's choice, all cores).")
  int threads;

  /** The engine options asked for; a bad value is the command line's error. */
  public EngineOptions options(CommandSpec spec) {
    try {
      return new EngineOptions(threads, device);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
