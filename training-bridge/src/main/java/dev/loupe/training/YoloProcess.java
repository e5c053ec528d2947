package dev.loupe.training;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code yolo} process: its stdout and stderr, merged, are read by a thread of their own
 * into a {@link ConsoleTail}; {@link #kill()} ends its whole process tree. Closing it kills what is
 * still running.
 */
public final class YoloProcess implements AutoCloseable {
  private final Process process;
  private final Thread pump;

  private YoloProcess(Process process, Thread pump) {
    this.process = process;
    this.pump = pump;
  }

  static YoloProcess start(List<String> command, Path workDir, ConsoleTail console) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (workDir != null) {
      builder.directory(workDir.toFile());
    }
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    process.getOutputStream().close(); // yolo asks nothing: a prompt would read end of input
    Thread pump = new Thread(() -> pump(process, console), "yolo-console-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    return new YoloProcess(process, pump);
  }

  private static void pump(Process process, ConsoleTail console) {
    char[] buffer = new char[8192];
    try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        console.append(new String(buffer, 0, n));
      }
    } catch (IOException e) {
      // the process is gone (killed): what it printed before is kept
    }
  }

  public long pid() {
    return process.pid();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** Waits up to {@code millis} for the process to end; true when it has (and its output is read). */
  public boolean waitFor(long millis) {
    try {
      if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        return false;
      }
      pump.join(TimeUnit.SECONDS.toMillis(5));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /** The exit code; only once it has ended. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Kills the process and everything it started, and waits for them. */
  public void kill() {
    ProcessTree.kill(process.toHandle());
    waitFor(TimeUnit.SECONDS.toMillis(5));
  }

  @Override
  public void close() {
    if (process.isAlive() || process.toHandle().descendants().findAny().isPresent()) {
      kill();
    }
  }
}
