package dev.loupe.core.inference;

import java.io.IOException;

/** A model file that Loupe cannot load or run, with a one-line reason meant for the user. */
public class ModelLoadException extends IOException {
  public ModelLoadException(String message) {
    super(message);
  }

  public ModelLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
