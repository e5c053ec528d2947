package dev.loupe.labeling.model;

import dev.loupe.core.domain.Label;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The labels of one image as they are being edited: an ordered list of {@link Shape}s (later ones are
 * drawn on top) plus view state that is not saved (hidden and locked shapes), and the shapes that are
 * a model's predictions not yet reviewed, with their confidence ({@link #isPending}: drawn apart until
 * accepted, see {@link Review}). Changed only through {@link Edit}s, so every change can be undone;
 * listeners hear of each change. Not thread-safe: used from the FX thread.
 */
public final class LabelDocument {
  private final List<Shape> shapes = new ArrayList<>();
  private final List<Shape> readOnly = Collections.unmodifiableList(shapes);
  private final Set<Long> hidden = new HashSet<>();
  private final Set<Long> locked = new HashSet<>();
  private final java.util.Map<Long, Double> pending = new java.util.HashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long nextId = 1;
  private long version;
  private java.util.Map<Long, Integer> positions; // id -> index, rebuilt after inserts and removals
  private int batchDepth;
  private boolean changedInBatch;

  public LabelDocument() {}

  public LabelDocument(List<? extends Label> labels) {
    this(labels, java.util.Map.of());
  }

  /**
   * A document whose labels at the given positions are predictions still to be reviewed (an
   * auto-annotation run wrote them), with their confidence.
   */
  public LabelDocument(List<? extends Label> labels, java.util.Map<Integer, Double> pendingByPosition) {
    for (Label label : labels) {
      shapes.add(newShape(label));
    }
    pendingByPosition.forEach((position, confidence) -> {
      if (position >= 0 && position < shapes.size()) {
        pending.put(shapes.get(position).id(), confidence);
      }
    });
  }

  /** A shape with a fresh id, not yet in the document (add it through {@link AddShapes}). */
  public Shape newShape(Label label) {
    return new Shape(nextId++, label);
  }

  public List<Shape> shapes() {
    return readOnly;
  }

  public int size() {
    return shapes.size();
  }

  public List<Label> labels() {
    List<Label> labels = new ArrayList<>(shapes.size());
    for (Shape shape : shapes) {
      labels.add(shape.label());
    }
    return List.copyOf(labels);
  }

  /** The position of a shape, or -1. */
  public int indexOf(long id) {
    if (positions == null) {
      positions = new java.util.HashMap<>(shapes.size() * 2);
      for (int i = 0; i < shapes.size(); i++) {
        positions.put(shapes.get(i).id(), i);
      }
    }
    Integer index = positions.get(id);
    return index == null ? -1 : index;
  }

  /**
   * Runs changes as one: listeners hear once, at the end (moving a thousand selected shapes redraws
   * and re-indexes once, not a thousand times).
   */
  public void batch(Runnable changes) {
    batchDepth++;
    try {
      changes.run();
    } finally {
      if (--batchDepth == 0 && changedInBatch) {
        changedInBatch = false;
        notifyListeners();
      }
    }
  }

  public Shape find(long id) {
    int index = indexOf(id);
    return index < 0 ? null : shapes.get(index);
  }

  /** Bumped by every change of shapes or of hidden/locked state; caches compare it. */
  public long version() {
    return version;
  }

  public boolean isHidden(long id) {
    return hidden.contains(id);
  }

  public boolean isLocked(long id) {
    return locked.contains(id);
  }

  /** Whether a shape is a prediction not yet accepted. */
  public boolean isPending(long id) {
    return pending.containsKey(id);
  }

  /** The confidence of a pending prediction, or NaN for a shape that is not one. */
  public double confidence(long id) {
    Double confidence = pending.get(id);
    return confidence == null ? Double.NaN : confidence;
  }

  /** The pending predictions, in drawing order. */
  public List<Shape> pendingShapes() {
    if (pending.isEmpty()) {
      return List.of();
    }
    List<Shape> found = new ArrayList<>();
    for (Shape shape : shapes) {
      if (pending.containsKey(shape.id())) {
        found.add(shape);
      }
    }
    return found;
  }

  public int pendingCount() {
    return pending.size();
  }

  /** Hiding is view state: not saved, not undone. */
  public void setHidden(long id, boolean hide) {
    if (hide ? hidden.add(id) : hidden.remove(id)) {
      changed();
    }
  }

  public void setLocked(long id, boolean lock) {
    if (lock ? locked.add(id) : locked.remove(id)) {
      changed();
    }
  }

  /** Hides every shape, or shows them all again when all are hidden already. */
  public void toggleAllHidden() {
    boolean allHidden = !shapes.isEmpty() && shapes.stream().allMatch(s -> hidden.contains(s.id()));
    if (allHidden) {
      hidden.clear();
    } else {
      shapes.forEach(s -> hidden.add(s.id()));
    }
    changed();
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  void insert(int index, Shape shape) {
    shapes.add(Math.min(index, shapes.size()), shape);
    positions = null;
    changed();
  }

  void setPending(long id, double confidence) {
    pending.put(id, confidence);
    changed();
  }

  void clearPending(long id) {
    if (pending.remove(id) != null) {
      changed();
    }
  }

  void remove(long id) {
    int index = indexOf(id);
    if (index >= 0) {
      shapes.remove(index);
      positions = null;
      hidden.remove(id);
      locked.remove(id);
      pending.remove(id);
      changed();
    }
  }

  void replace(long id, Label label) {
    int index = indexOf(id);
    if (index < 0) {
      throw new IllegalStateException("no shape " + id + " in the document");
    }
    shapes.set(index, shapes.get(index).withLabel(label));
    changed();
  }

  private void changed() {
    version++;
    if (batchDepth > 0) {
      changedInBatch = true;
    } else {
      notifyListeners();
    }
  }

  private void notifyListeners() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
