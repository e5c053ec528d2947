package dev.loupe.core.sync;

/** A sync that cannot go on: no such remote dataset, a dataset not linked, an answer it cannot use. */
public class SyncException extends RuntimeException {
  public SyncException(String message) {
    super(message);
  }

  public SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
