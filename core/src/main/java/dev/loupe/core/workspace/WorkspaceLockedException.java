package dev.loupe.core.workspace;

/** Another process holds the workspace. */
public class WorkspaceLockedException extends WorkspaceException {
  public WorkspaceLockedException(String message) {
    super(message);
  }
}
