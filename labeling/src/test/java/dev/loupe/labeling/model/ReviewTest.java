package dev.loupe.labeling.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewTest {
  private static final BoxLabel HUMAN = new BoxLabel(0, 0.2, 0.2, 0.1, 0.1);
  private static final BoxLabel SURE = new BoxLabel(1, 0.5, 0.5, 0.2, 0.2);
  private static final BoxLabel DOUBTFUL = new BoxLabel(2, 0.7, 0.7, 0.1, 0.1);
  private static final BoxLabel MIDDLING = new BoxLabel(1, 0.3, 0.7, 0.1, 0.1);

  /** A human label and three predictions (0.9, 0.2, 0.6), proposed as one edit. */
  private static History proposed() {
    History history = new History(new LabelDocument(List.of(HUMAN)));
    LabelDocument doc = history.document();
    Shape sure = doc.newShape(SURE);
    Shape doubtful = doc.newShape(DOUBTFUL);
    Shape middling = doc.newShape(MIDDLING);
    history.perform(new ProposeShapes("pre-label 3 labels", List.of(sure, doubtful, middling),
        Map.of(sure.id(), 0.9, doubtful.id(), 0.2, middling.id(), 0.6)));
    return history;
  }

  private static long idOf(LabelDocument doc, BoxLabel label) {
    return doc.shapes().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow().id();
  }

  @Test
  void proposed_shapes_are_pending_with_their_confidence_and_undo_takes_them_away() {
    History history = proposed();
    LabelDocument doc = history.document();
    assertThat(doc.labels()).containsExactly(HUMAN, SURE, DOUBTFUL, MIDDLING);
    assertThat(doc.pendingCount()).isEqualTo(3);
    assertThat(doc.isPending(idOf(doc, HUMAN))).isFalse();
    assertThat(doc.confidence(idOf(doc, DOUBTFUL))).isEqualTo(0.2);
    assertThat(doc.confidence(idOf(doc, HUMAN))).isNaN();
    history.undo();
    assertThat(doc.labels()).containsExactly(HUMAN);
    assertThat(doc.pendingCount()).isZero();
  }

  @Test
  void accepting_keeps_the_label_and_undo_makes_it_pending_again() {
    History history = proposed();
    LabelDocument doc = history.document();
    history.perform(Review.accept(doc, List.of(idOf(doc, SURE), idOf(doc, HUMAN))));
    assertThat(doc.labels()).containsExactly(HUMAN, SURE, DOUBTFUL, MIDDLING);
    assertThat(doc.isPending(idOf(doc, SURE))).isFalse();
    assertThat(doc.pendingCount()).isEqualTo(2);
    history.undo();
    assertThat(doc.confidence(idOf(doc, SURE))).isEqualTo(0.9);
    history.perform(Review.acceptAll(doc));
    assertThat(doc.pendingCount()).isZero();
    assertThat(Review.acceptAll(doc)).isNull();
  }

  @Test
  void rejecting_deletes_the_prediction_and_undo_puts_it_back_pending_in_its_place() {
    History history = proposed();
    LabelDocument doc = history.document();
    history.perform(Review.reject(doc, List.of(idOf(doc, DOUBTFUL), idOf(doc, HUMAN))));
    assertThat(doc.labels()).containsExactly(HUMAN, SURE, MIDDLING); // a human label is not a prediction
    history.undo();
    assertThat(doc.labels()).containsExactly(HUMAN, SURE, DOUBTFUL, MIDDLING);
    assertThat(doc.confidence(idOf(doc, DOUBTFUL))).isEqualTo(0.2);
  }

  @Test
  void deleting_a_prediction_like_any_label_brings_it_back_pending_on_undo() {
    History history = proposed();
    LabelDocument doc = history.document();
    history.perform(Edits.delete(doc, List.of(idOf(doc, SURE))));
    assertThat(doc.labels()).containsExactly(HUMAN, DOUBTFUL, MIDDLING);
    history.undo();
    assertThat(doc.confidence(idOf(doc, SURE))).isEqualTo(0.9);
  }

  @Test
  void rejecting_below_a_threshold_drops_only_the_less_confident_predictions() {
    History history = proposed();
    LabelDocument doc = history.document();
    Review step = Review.rejectBelow(doc, 0.65);
    assertThat(step.rejectedCount()).isEqualTo(2);
    history.perform(step);
    assertThat(doc.labels()).containsExactly(HUMAN, SURE);
    assertThat(Review.rejectBelow(doc, 0.65)).isNull();
    history.undo();
    assertThat(doc.pendingCount()).isEqualTo(3);
  }

  @Test
  void the_next_prediction_to_review_is_the_least_confident_then_upwards_wrapping_around() {
    LabelDocument doc = proposed().document();
    Shape first = Review.nextPending(doc, null);
    assertThat(first.label()).isEqualTo(DOUBTFUL);
    Shape second = Review.nextPending(doc, first.id());
    assertThat(second.label()).isEqualTo(MIDDLING);
    Shape third = Review.nextPending(doc, second.id());
    assertThat(third.label()).isEqualTo(SURE);
    assertThat(Review.nextPending(doc, third.id()).label()).isEqualTo(DOUBTFUL);
    assertThat(Review.nextPending(new LabelDocument(List.of(HUMAN)), null)).isNull();
  }

  @Test
  void a_document_opened_with_labels_to_review_marks_them_pending() {
    LabelDocument doc = new LabelDocument(List.of(HUMAN, SURE), Map.of(1, 0.75, 5, 0.1));
    assertThat(doc.pendingCount()).isEqualTo(1);
    assertThat(doc.confidence(idOf(doc, SURE))).isEqualTo(0.75);
  }
}
