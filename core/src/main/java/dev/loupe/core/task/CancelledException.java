package dev.loupe.core.task;

/** Thrown by long operations that stopped because the user cancelled them. */
public class CancelledException extends RuntimeException {
  public CancelledException() {
    super("cancelled");
  }
}
