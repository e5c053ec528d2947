package dev.loupe.training;

import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ultralytics command-line program, {@code yolo}: found at a configured path or on {@code PATH},
 * and started with {@code key=value} arguments. Loupe never pretends to train: without the program,
 * {@link #locate} throws with how to install it.
 */
public final class YoloCli {
  private static final long POLL_MILLIS = 200;

  private final Path executable;

  private YoloCli(Path executable) {
    this.executable = executable;
  }

  /**
   * Finds {@code yolo}.
   *
   * @param configured the program named in settings or on the command line, or null
   * @param pathVariable the {@code PATH} to search when none is configured (may be null)
   * @throws YoloNotFoundException when it is not there, saying how to install it
   */
  public static YoloCli locate(Path configured, String pathVariable) {
    if (configured != null) {
      if (!Files.isRegularFile(configured) || !Files.isExecutable(configured)) {
        throw new YoloNotFoundException(
            "the ultralytics CLI configured as " + configured + " is not an executable program; "
                + YoloNotFoundException.INSTALL);
      }
      return new YoloCli(configured.toAbsolutePath());
    }
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    List<String> names = windows ? List.of("yolo.exe", "yolo.cmd", "yolo.bat") : List.of("yolo");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(File.pathSeparator)) {
        if (dir.isBlank()) {
          continue;
        }
        for (String name : names) {
          Path candidate;
          try {
            candidate = Path.of(dir.strip()).resolve(name);
          } catch (java.nio.file.InvalidPathException e) {
            continue;
          }
          if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return new YoloCli(candidate.toAbsolutePath());
          }
        }
      }
    }
    throw new YoloNotFoundException(
        "the ultralytics CLI ('yolo') is not on PATH, so Loupe cannot train, validate or export with it; "
            + YoloNotFoundException.INSTALL + " (or name the program with --yolo PATH or LOUPE_YOLO)");
  }

  /** A CLI at a known program, as is (no checks): for a program made by a test. */
  public static YoloCli at(Path executable) {
    return new YoloCli(executable);
  }

  public Path executable() {
    return executable;
  }

  /** The whole command line: the program, then {@code args}. */
  public List<String> command(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    return command;
  }

  /** Starts {@code yolo ARGS} in {@code workDir}, its stdout and stderr going to {@code console}. */
  public YoloProcess start(List<String> args, Path workDir, ConsoleTail console) throws IOException {
    return YoloProcess.start(command(args), workDir, console);
  }

  /**
   * Runs {@code yolo ARGS} to its end ({@code yolo val}, {@code yolo export}).
   *
   * @return the exit code
   * @throws CancelledException when the monitor was cancelled (the process tree is killed first)
   */
  public int run(List<String> args, Path workDir, ConsoleTail console, TaskMonitor monitor) throws IOException {
    try (YoloProcess process = start(args, workDir, console)) {
      while (!process.waitFor(POLL_MILLIS)) {
        if (monitor.isCancelled()) {
          process.kill();
          throw new CancelledException();
        }
        List<String> last = console.last(1);
        monitor.progress(0, -1, last.isEmpty() ? "yolo " + String.join(" ", args) : last.get(0));
      }
      return process.exitCode();
    }
  }
}
