package dev.loupe.app.cli;

import dev.loupe.core.task.TaskMonitor;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A {@link TaskMonitor} that shows progress on stderr: one line rewritten with {@code \r} on a
 * terminal (at most ten times a second), else a plain line every few seconds. Cancelled by Ctrl+C
 * through its interrupt hook. Close it after the work and the workspace are done.
 */
public final class ConsoleProgress implements TaskMonitor, AutoCloseable {
  static final long TERMINAL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(3);
  private static final long WAIT_ON_INTERRUPT_SECONDS = 10;

  private final PrintWriter err;
  private final boolean terminal;
  private final LongSupplier nanoClock;
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile boolean cancelled;
  private AutoCloseable hook;
  private long lastPrint;
  private boolean printedAny;
  private int lastWidth;

  ConsoleProgress(PrintWriter err, boolean terminal, LongSupplier nanoClock) {
    this.err = err;
    this.terminal = terminal;
    this.nanoClock = nanoClock;
    this.lastPrint = nanoClock.getAsLong();
  }

  void attach(AutoCloseable interruptHook) {
    this.hook = interruptHook;
  }

  @Override
  public synchronized void progress(long done, long total, String message) {
    long now = nanoClock.getAsLong();
    long interval = terminal ? TERMINAL_INTERVAL_NANOS : LOG_INTERVAL_NANOS;
    boolean last = total > 0 && done >= total;
    if (now - lastPrint < interval && !(last && terminal)) {
      return;
    }
    lastPrint = now;
    String line = format(done, total, message);
    if (terminal) {
      int pad = Math.max(0, lastWidth - line.length());
      err.print("\r" + line + " ".repeat(pad));
      lastWidth = line.length();
    } else {
      err.println(line);
    }
    err.flush();
    printedAny = true;
  }

  static String format(long done, long total, String message) {
    String text = message == null ? "" : message;
    if (total > 0) {
      long pct = Math.min(100, done * 100 / total);
      return String.format("%3d%% %d/%d %s", pct, done, total, text).stripTrailing();
    }
    return text;
  }

  /** Asks the work to stop (Ctrl+C). */
  public void cancel() {
    cancelled = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  /** Waits a little for the work to notice a cancel and wind down. */
  void awaitFinished() {
    try {
      finished.await(WAIT_ON_INTERRUPT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the progress line so that what follows starts on a fresh line. */
  public synchronized void endLine() {
    if (terminal && printedAny) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
    }
    printedAny = false;
    lastWidth = 0;
  }

  @Override
  public void close() {
    endLine();
    finished.countDown();
    if (hook != null) {
      try {
        hook.close();
      } catch (Exception e) {
        // nothing to undo
      }
    }
  }
}
