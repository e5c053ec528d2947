package dev.loupe.core.workspace;

/** The model's file is of a kind Loupe records but cannot run (a PyTorch {@code .pt} checkpoint). */
public class ModelNotRunnableException extends WorkspaceException {
  public ModelNotRunnableException(String message) {
    super(message);
  }
}
