package dev.loupe.core.workspace;

/**
 * The running totals of an auto-annotation run, saved with each batch it writes.
 *
 * @param done images looked at (read and predicted, or failed)
 * @param message the first problem met, or null
 */
public record RunCounts(int done, int failed, int labeled, long added, long skipped, String message) {
  public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, null);
}
