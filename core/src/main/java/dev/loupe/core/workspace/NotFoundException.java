package dev.loupe.core.workspace;

/** The dataset, image or version asked for does not exist (the API's 404). */
public class NotFoundException extends WorkspaceException {
  public NotFoundException(String message) {
    super(message);
  }
}
