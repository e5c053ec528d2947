package dev.loupe.labeling.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {
  private final BoxLabel a = new BoxLabel(0, 0.2, 0.2, 0.1, 0.1);
  private final BoxLabel b = new BoxLabel(1, 0.5, 0.5, 0.2, 0.2);
  private final BoxLabel c = new BoxLabel(2, 0.8, 0.8, 0.1, 0.1);

  @Test
  void every_kind_of_edit_undoes_and_redoes_to_the_same_labels() {
    LabelDocument doc = new LabelDocument(List.of(a, b));
    History history = new History(doc);
    long idA = doc.shapes().get(0).id();

    history.perform(new AddShapes("draw box", List.of(doc.newShape(c))));
    history.perform(ChangeShapes.of("move", idA, a, new BoxLabel(0, 0.3, 0.3, 0.1, 0.1)));
    history.perform(RemoveShapes.of("delete", doc, List.of(doc.shapes().get(1).id())));
    history.perform(Edits.changeClass(doc, List.of(idA), 2));
    List<Label> finalLabels = doc.labels();
    assertThat(finalLabels).containsExactly(new BoxLabel(2, 0.3, 0.3, 0.1, 0.1), c);

    while (history.undo() != null) {
      // back to the start
    }
    assertThat(doc.labels()).containsExactly(a, b);
    assertThat(history.canUndoProperty().get()).isFalse();
    assertThat(history.canRedoProperty().get()).isTrue();

    while (history.redo() != null) {
      // forward again
    }
    assertThat(doc.labels()).isEqualTo(finalLabels);
    assertThat(history.undoCount()).isEqualTo(4);
  }

  @Test
  void deleting_from_the_middle_and_undoing_puts_shapes_back_in_their_places() {
    LabelDocument doc = new LabelDocument(List.of(a, b, c));
    History history = new History(doc);
    List<Long> ids = doc.shapes().stream().map(Shape::id).toList();

    history.perform(RemoveShapes.of("delete", doc, List.of(ids.get(0), ids.get(2))));
    assertThat(doc.labels()).containsExactly(b);
    history.undo();
    assertThat(doc.shapes().stream().map(Shape::id).toList()).isEqualTo(ids);
  }

  @Test
  void a_new_edit_drops_the_redo_list_and_history_is_unlimited() {
    LabelDocument doc = new LabelDocument();
    History history = new History(doc);
    for (int i = 0; i < 5000; i++) {
      history.perform(new AddShapes("draw box", List.of(doc.newShape(new BoxLabel(0, 0.5, 0.5, 0.01, 0.01)))));
    }
    history.undo();
    history.undo();
    assertThat(history.redoCount()).isEqualTo(2);
    history.perform(new AddShapes("draw box", List.of(doc.newShape(a))));
    assertThat(history.redoCount()).isZero();
    assertThat(history.canRedoProperty().get()).isFalse();
    int undone = 0;
    while (history.undo() != null) {
      undone++;
    }
    assertThat(undone).isEqualTo(4999);
    assertThat(doc.size()).isZero();
  }

  @Test
  void edits_skip_locked_shapes_and_return_null_when_nothing_changes() {
    LabelDocument doc = new LabelDocument(List.of(a, b));
    long idA = doc.shapes().get(0).id();
    long idB = doc.shapes().get(1).id();
    doc.setLocked(idA, true);

    assertThat(Edits.delete(doc, List.of(idA))).isNull();
    assertThat(Edits.changeClass(doc, List.of(idB), 1)).isNull(); // b is class 1 already
    Edit change = Edits.changeClass(doc, List.of(idA, idB), 0);
    change.apply(doc);
    assertThat(doc.labels()).containsExactly(a, b.withClassId(0));
  }

  @Test
  void duplicate_is_offset_and_paste_keeps_coordinates() {
    LabelDocument doc = new LabelDocument(List.of(a));
    new History(doc).perform(Edits.duplicate(doc, List.of(doc.shapes().get(0).id())));
    BoxLabel copy = (BoxLabel) doc.labels().get(1);
    assertThat(copy.cx()).isCloseTo(a.cx() + Edits.DUPLICATE_OFFSET, org.assertj.core.data.Offset.offset(1e-12));

    LabelDocument other = new LabelDocument();
    Edits.paste(other, List.of(a, b)).apply(other);
    assertThat(other.labels()).containsExactly(a, b);
    assertThat(Edits.paste(other, List.of())).isNull();
  }

  @Test
  void setting_the_image_class_replaces_the_old_one_in_one_step() {
    LabelDocument doc = new LabelDocument(List.of(new ClassLabel(0)));
    History history = new History(doc);
    history.perform(Edits.setImageClass(doc, 3));
    assertThat(doc.labels()).containsExactly(new ClassLabel(3));
    assertThat(Edits.setImageClass(doc, 3)).isNull();
    history.undo();
    assertThat(doc.labels()).containsExactly(new ClassLabel(0));
  }

  @Test
  void hiding_is_view_state_that_listeners_hear_about() {
    LabelDocument doc = new LabelDocument(List.of(a, b));
    int[] heard = {0};
    doc.addListener(() -> heard[0]++);
    doc.toggleAllHidden();
    assertThat(doc.shapes()).allMatch(s -> doc.isHidden(s.id()));
    doc.toggleAllHidden();
    assertThat(doc.shapes()).noneMatch(s -> doc.isHidden(s.id()));
    assertThat(heard[0]).isEqualTo(2);
  }

  @Test
  void an_edit_of_many_shapes_is_heard_once() {
    List<Label> many = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(new BoxLabel(0, 0.5, 0.5, 0.01, 0.01));
    }
    LabelDocument doc = new LabelDocument(many);
    History history = new History(doc);
    int[] heard = {0};
    doc.addListener(() -> heard[0]++);
    java.util.Map<Long, Label> before = new java.util.LinkedHashMap<>();
    java.util.Map<Long, Label> after = new java.util.LinkedHashMap<>();
    for (Shape s : doc.shapes()) {
      before.put(s.id(), s.label());
      after.put(s.id(), dev.loupe.labeling.geom.Geometry.translate(s.label(), 0.1, 0));
    }
    history.perform(new ChangeShapes("move 1000 labels", before, after));
    history.undo();
    history.redo();
    assertThat(heard[0]).isEqualTo(3);
    assertThat(((BoxLabel) doc.labels().get(999)).cx()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(doc.indexOf(doc.shapes().get(500).id())).isEqualTo(500);
  }
}
