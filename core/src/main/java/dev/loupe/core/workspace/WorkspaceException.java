package dev.loupe.core.workspace;

/** A workspace operation failed; the message is meant for the user. */
public class WorkspaceException extends RuntimeException {
  public WorkspaceException(String message) {
    super(message);
  }

  public WorkspaceException(String message, Throwable cause) {
    super(message, cause);
  }
}
