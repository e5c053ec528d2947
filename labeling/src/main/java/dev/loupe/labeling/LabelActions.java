package dev.loupe.labeling;

import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.labeling.canvas.LabelCanvas;
import dev.loupe.labeling.geom.Keypoints;
import dev.loupe.labeling.model.AddShapes;
import dev.loupe.labeling.model.ChangeShapes;
import dev.loupe.labeling.model.Edit;
import dev.loupe.labeling.model.Edits;
import dev.loupe.labeling.model.Review;
import dev.loupe.labeling.model.Shape;
import dev.loupe.labeling.session.LabelingSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the label actions do to the image on screen (delete, copy and paste, duplicate, select,
 * class, mirror): each builds its edit from the canvas's selection and hands it to the session, which
 * records it for undo and saves it.
 */
final class LabelActions {
  private final LabelingSession session;
  private final LabelCanvas canvas;
  private final Dataset dataset;
  private final Consumer<String> message;

  LabelActions(LabelingSession session, LabelCanvas canvas, Consumer<String> message) {
    this.session = session;
    this.canvas = canvas;
    this.dataset = session.dataset();
    this.message = message;
  }

  void perform(Edit edit) {
    if (edit != null && session.current() != null) {
      session.perform(edit);
    }
  }

  /** Del: the polygon vertex under the pointer, else the selected labels (locked ones stay). */
  void delete() {
    if (!canvas.deleteVertexUnderPointer()) {
      perform(Edits.delete(canvas.document(), List.copyOf(canvas.selection())));
    }
  }

  void copy() {
    List<Label> labels = new ArrayList<>();
    for (Shape s : canvas.document().shapes()) {
      if (canvas.selection().contains(s.id())) {
        labels.add(s.label());
      }
    }
    if (!labels.isEmpty()) {
      session.copy(labels);
      message.accept(Messages.text("actions.copied", labels.size()));
    }
  }

  /** Pastes the session's clipboard (maybe copied on another image) where the labels were; selects them. */
  void paste() {
    List<Label> labels = new ArrayList<>();
    for (Label label : session.clipboard()) {
      if (!(label instanceof ClassLabel) || dataset.task() == Task.CLASSIFY) {
        labels.add(label);
      }
    }
    addAndSelect(Edits.paste(canvas.document(), labels));
  }

  void duplicate() {
    addAndSelect(Edits.duplicate(canvas.document(), List.copyOf(canvas.selection())));
  }

  private void addAndSelect(Edit edit) {
    if (edit instanceof AddShapes add) {
      perform(add);
      canvas.selection().clear();
      add.shapes().forEach(s -> canvas.selection().add(s.id()));
    }
  }

  void selectAll() {
    for (Shape s : canvas.document().shapes()) {
      if (!canvas.document().isHidden(s.id()) && !(s.label() instanceof ClassLabel)) {
        canvas.selection().add(s.id());
      }
    }
  }

  /** Tab / Shift+Tab: selects the next or previous visible label. */
  void cycle(int step) {
    List<Shape> shapes = canvas.document().shapes().stream()
        .filter(s -> !canvas.document().isHidden(s.id()) && !(s.label() instanceof ClassLabel)).toList();
    if (shapes.isEmpty()) {
      return;
    }
    int at = -1;
    for (int i = 0; i < shapes.size(); i++) {
      if (canvas.selection().contains(shapes.get(i).id())) {
        at = i;
        if (step < 0) {
          break;
        }
      }
    }
    int next = at < 0 ? (step > 0 ? 0 : shapes.size() - 1) : Math.floorMod(at + step, shapes.size());
    canvas.selection().clear();
    canvas.selection().add(shapes.get(next).id());
  }

  /**
   * Picks the class of new labels and changes the selected labels to it; in classify datasets it
   * sets the image's class.
   */
  void pickClass(int classId) {
    if (classId < 0 || classId >= dataset.classCount()) {
      return;
    }
    canvas.currentClassProperty().set(classId);
    if (session.current() == null) {
      return;
    }
    if (dataset.task() == Task.CLASSIFY) {
      perform(Edits.setImageClass(canvas.document(), classId));
    } else if (!canvas.selection().isEmpty()) {
      perform(Edits.changeClass(canvas.document(), List.copyOf(canvas.selection()), classId));
    }
  }

  // ---- review of predictions ------------------------------------------------------------------

  /** Selects the next prediction to review (lowest confidence first); false when none is pending. */
  boolean nextPrediction() {
    Long current = canvas.selection().size() == 1 ? canvas.selection().iterator().next() : null;
    Shape next = Review.nextPending(canvas.document(), current);
    if (next == null) {
      return false;
    }
    canvas.selection().clear();
    canvas.selection().add(next.id());
    return true;
  }

  /** Accepts the selected predictions and moves on to the next one; false when none is selected. */
  boolean acceptSelected() {
    return review(Review.accept(canvas.document(), List.copyOf(canvas.selection())));
  }

  /** Rejects the selected predictions and moves on to the next one; false when none is selected. */
  boolean rejectSelected() {
    return review(Review.reject(canvas.document(), List.copyOf(canvas.selection())));
  }

  boolean acceptAll() {
    return review(Review.acceptAll(canvas.document()));
  }

  boolean rejectBelow(double threshold) {
    return review(Review.rejectBelow(canvas.document(), threshold));
  }

  private boolean review(Review step) {
    if (step == null) {
      return false;
    }
    perform(step);
    canvas.selection().clear();
    nextPrediction();
    message.accept(step.acceptedCount() > 0
        ? Messages.text("actions.accepted", step.acceptedCount())
        : Messages.text("actions.rejected", step.rejectedCount()));
    return true;
  }

  /** Mirrors the selected poses left-right, swapping keypoints by the dataset's flip_idx. */
  void flipPoses() {
    Map<Long, Label> before = new LinkedHashMap<>();
    Map<Long, Label> after = new LinkedHashMap<>();
    for (Shape s : canvas.document().shapes()) {
      if (canvas.selection().contains(s.id()) && s.label() instanceof PoseLabel p && !canvas.document().isLocked(s.id())) {
        before.put(s.id(), p);
        after.put(s.id(), Keypoints.flipHorizontally(p, dataset.flipIdx()));
      }
    }
    if (!before.isEmpty()) {
      perform(new ChangeShapes(Messages.text("edit.mirrorPose"), before, after));
    }
  }
}
