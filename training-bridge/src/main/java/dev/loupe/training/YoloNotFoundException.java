package dev.loupe.training;

import dev.loupe.core.workspace.WorkspaceException;

/** The ultralytics CLI ({@code yolo}) is not installed where Loupe looks; the message says how to get it. */
public final class YoloNotFoundException extends WorkspaceException {
  public static final String INSTALL =
      "install Ultralytics with 'pip install ultralytics' (Python 3.8 or newer), then check that 'yolo version'"
          + " runs";

  public YoloNotFoundException(String message) {
    super(message);
  }
}
