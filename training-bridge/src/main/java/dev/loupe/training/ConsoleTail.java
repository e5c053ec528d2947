package dev.loupe.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The last lines a process printed (stdout and stderr together). A carriage return starts the line
 * over, as a terminal would show it: progress bars that redraw themselves keep only their last
 * state. Lines longer than {@link #MAX_LINE} characters are cut. Thread-safe.
 */
public final class ConsoleTail {
  public static final int MAX_LINE = 2000;

  private final int maxLines;
  private final Deque<String> lines = new ArrayDeque<>();
  private final StringBuilder current = new StringBuilder();
  private final Consumer<String> onLine;
  private long total;

  /**
   * @param maxLines how many complete lines to keep
   * @param onLine told each complete line (on the thread that appends it)
   */
  public ConsoleTail(int maxLines, Consumer<String> onLine) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("keep at least one line, not " + maxLines);
    }
    this.maxLines = maxLines;
    this.onLine = onLine;
  }

  /** Adds printed text. */
  public void append(CharSequence text) {
    List<String> done = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < text.length(); i++) {
        char ch = text.charAt(i);
        if (ch == '\n') {
          String line = current.toString();
          current.setLength(0);
          keep(line);
          done.add(line);
        } else if (ch == '\r') {
          current.setLength(0);
        } else if (current.length() < MAX_LINE) {
          current.append(ch);
        }
      }
    }
    done.forEach(onLine);
  }

  private void keep(String line) {
    lines.addLast(line);
    total++;
    if (lines.size() > maxLines) {
      lines.removeFirst();
    }
  }

  /** The kept lines, then the line being written (when it is not empty), joined by newlines. */
  public synchronized String text() {
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    sb.append(current);
    return sb.toString();
  }

  /** The last {@code n} complete lines. */
  public synchronized List<String> last(int n) {
    List<String> all = new ArrayList<>(lines);
    return List.copyOf(all.subList(Math.max(0, all.size() - n), all.size()));
  }

  /** How many complete lines were printed in all (kept or not). */
  public synchronized long lineCount() {
    return total;
  }
}
