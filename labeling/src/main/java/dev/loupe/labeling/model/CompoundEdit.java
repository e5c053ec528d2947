package dev.loupe.labeling.model;

import java.util.List;

/** Several edits undone and redone as one (for example "paste" that also replaces the image class). */
public record CompoundEdit(String name, List<Edit> edits) implements Edit {
  public CompoundEdit {
    edits = List.copyOf(edits);
  }

  @Override
  public void apply(LabelDocument document) {
    for (Edit edit : edits) {
      edit.apply(document);
    }
  }

  @Override
  public void revert(LabelDocument document) {
    for (int i = edits.size() - 1; i >= 0; i--) {
      edits.get(i).revert(document);
    }
  }
}
