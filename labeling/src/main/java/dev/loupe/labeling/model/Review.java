package dev.loupe.labeling.model;

import dev.loupe.labeling.Messages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review of a model's predictions: accepting keeps a prediction as an ordinary label, rejecting
 * deletes it. Each review step is one undoable edit (undo makes the shapes pending again, with their
 * confidence); the factories return null when there is nothing to do.
 */
public final class Review implements Edit {
  private final String name;
  private final Map<Long, Double> accepted;
  private final RemoveShapes rejected;

  private Review(String name, Map<Long, Double> accepted, RemoveShapes rejected) {
    this.name = name;
    this.accepted = Map.copyOf(accepted);
    this.rejected = rejected;
  }

  /** Accepts every pending prediction of the document. */
  public static Review acceptAll(LabelDocument document) {
    return accept(document, document.pendingShapes().stream().map(Shape::id).toList(), Messages.text("edit.acceptAll"));
  }

  /** Accepts the pending predictions among {@code ids}. */
  public static Review accept(LabelDocument document, Collection<Long> ids) {
    return accept(document, ids, Messages.text("edit.accept"));
  }

  private static Review accept(LabelDocument document, Collection<Long> ids, String name) {
    Map<Long, Double> accepted = new LinkedHashMap<>();
    for (long id : ids) {
      if (document.isPending(id)) {
        accepted.put(id, document.confidence(id));
      }
    }
    return accepted.isEmpty() ? null : new Review(name, accepted, RemoveShapes.of(name, document, List.of()));
  }

  /** Rejects (deletes) the pending predictions among {@code ids}. */
  public static Review reject(LabelDocument document, Collection<Long> ids) {
    List<Long> chosen = ids.stream().filter(document::isPending).toList();
    return rejected(document, chosen, Messages.text("edit.reject"));
  }

  /** Rejects every pending prediction whose confidence is below {@code threshold}. */
  public static Review rejectBelow(LabelDocument document, double threshold) {
    List<Long> chosen = new ArrayList<>();
    for (Shape shape : document.pendingShapes()) {
      if (document.confidence(shape.id()) < threshold) {
        chosen.add(shape.id());
      }
    }
    return rejected(document, chosen,
        Messages.text("edit.rejectBelow", String.format(java.util.Locale.ROOT, "%.2f", threshold)));
  }

  private static Review rejected(LabelDocument document, List<Long> ids, String name) {
    if (ids.isEmpty()) {
      return null;
    }
    return new Review(name, Map.of(), RemoveShapes.of(name, document, ids));
  }

  /**
   * The pending prediction to look at after {@code current} (null: the first): lowest confidence
   * first, ties in drawing order; wraps around. Null when none is pending.
   */
  public static Shape nextPending(LabelDocument document, Long current) {
    List<Shape> queue = new ArrayList<>(document.pendingShapes());
    if (queue.isEmpty()) {
      return null;
    }
    queue.sort(Comparator.comparingDouble(s -> document.confidence(s.id())));
    for (int i = 0; i < queue.size(); i++) {
      if (current != null && queue.get(i).id() == current) {
        return queue.get((i + 1) % queue.size());
      }
    }
    return queue.get(0);
  }

  /** How many predictions the step accepts. */
  public int acceptedCount() {
    return accepted.size();
  }

  /** How many predictions the step rejects. */
  public int rejectedCount() {
    return rejected.shapes().size();
  }

  @Override
  public void apply(LabelDocument document) {
    accepted.keySet().forEach(document::clearPending);
    rejected.apply(document);
  }

  @Override
  public void revert(LabelDocument document) {
    rejected.revert(document); // the rejected come back pending
    accepted.forEach(document::setPending);
  }

  @Override
  public String name() {
    return name;
  }
}
