package dev.loupe.labeling.model;

/**
 * One undoable change of a {@link LabelDocument}, holding what it needs to go both ways (old and new
 * values, never a snapshot of the document). A drag or a pasted batch is one edit.
 */
public interface Edit {
  void apply(LabelDocument document);

  void revert(LabelDocument document);

  /** What the user did, in their words ("move", "paste 3 labels"), for the Undo menu and tooltips. */
  String name();
}
