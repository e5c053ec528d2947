package dev.loupe.core.workspace;

import java.util.List;

/** Labels were refused; nothing was stored. The message lists every problem. */
public class InvalidLabelsException extends WorkspaceException {
  private final List<String> problems;

  public InvalidLabelsException(List<String> problems) {
    super("labels refused: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
