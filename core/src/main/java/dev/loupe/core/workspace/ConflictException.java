package dev.loupe.core.workspace;

/** The change would clash with something that exists (the API's 409). */
public class ConflictException extends WorkspaceException {
  public ConflictException(String message) {
    super(message);
  }
}
