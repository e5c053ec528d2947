package dev.loupe.labeling.model;

import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.labeling.Messages;
import dev.loupe.labeling.geom.Geometry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The edits behind the labeling actions, built from the document as it is. Locked shapes are left
 * alone. Each returns null when there is nothing to do (so no empty step lands in the history).
 */
public final class Edits {
  /** How far a duplicate is moved from its original, normalized (so that it is seen). */
  public static final double DUPLICATE_OFFSET = 0.01;

  private Edits() {}

  public static Edit delete(LabelDocument document, Collection<Long> ids) {
    List<Long> unlocked = unlocked(document, ids);
    if (unlocked.isEmpty()) {
      return null;
    }
    return RemoveShapes.of(Messages.text("edit.delete", unlocked.size()), document, unlocked);
  }

  public static Edit changeClass(LabelDocument document, Collection<Long> ids, int classId) {
    Map<Long, Label> before = new LinkedHashMap<>();
    Map<Long, Label> after = new LinkedHashMap<>();
    for (long id : unlocked(document, ids)) {
      Label label = document.find(id).label();
      if (label.classId() != classId) {
        before.put(id, label);
        after.put(id, Geometry.withClass(label, classId));
      }
    }
    return before.isEmpty() ? null : new ChangeShapes(Messages.text("edit.changeClass"), before, after);
  }

  /** Adds copies of labels (from the clipboard, maybe of another image) where they were. */
  public static Edit paste(LabelDocument document, List<Label> labels) {
    if (labels.isEmpty()) {
      return null;
    }
    List<Shape> shapes = new ArrayList<>();
    for (Label label : labels) {
      shapes.add(document.newShape(label));
    }
    return new AddShapes(Messages.text("edit.paste", shapes.size()), shapes);
  }

  /** Copies of the shapes moved by {@link #DUPLICATE_OFFSET} (less where the image ends). */
  public static Edit duplicate(LabelDocument document, Collection<Long> ids) {
    List<Shape> copies = new ArrayList<>();
    for (Shape shape : document.shapes()) {
      if (ids.contains(shape.id()) && !(shape.label() instanceof ClassLabel)) {
        copies.add(document.newShape(Geometry.translate(shape.label(), DUPLICATE_OFFSET, DUPLICATE_OFFSET)));
      }
    }
    return copies.isEmpty() ? null : new AddShapes(Messages.text("edit.duplicate"), copies);
  }

  /** Sets the class of the whole image (classify datasets): replaces any image class it had. */
  public static Edit setImageClass(LabelDocument document, int classId) {
    List<Long> old = new ArrayList<>();
    for (Shape shape : document.shapes()) {
      if (shape.label() instanceof ClassLabel c) {
        if (c.classId() == classId && old.isEmpty()) {
          boolean onlyOne = document.shapes().stream().filter(s -> s.label() instanceof ClassLabel).count() == 1;
          if (onlyOne) {
            return null;
          }
        }
        old.add(shape.id());
      }
    }
    Edit add = new AddShapes(Messages.text("edit.imageClass"), List.of(document.newShape(new ClassLabel(classId))));
    if (old.isEmpty()) {
      return add;
    }
    return new CompoundEdit(Messages.text("edit.imageClass"),
        List.of(RemoveShapes.of(Messages.text("edit.imageClass"), document, old), add));
  }

  private static List<Long> unlocked(LabelDocument document, Collection<Long> ids) {
    List<Long> out = new ArrayList<>();
    for (long id : ids) {
      if (document.find(id) != null && !document.isLocked(id)) {
        out.add(id);
      }
    }
    return out;
  }
}
