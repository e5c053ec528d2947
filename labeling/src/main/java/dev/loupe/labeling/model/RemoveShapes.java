package dev.loupe.labeling.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes shapes; undo puts them back where they were in the drawing order (a prediction still to
 * review comes back pending, with its confidence).
 */
public record RemoveShapes(String name, List<Shape> shapes, List<Integer> positions, Map<Long, Double> pending)
    implements Edit {
  public RemoveShapes {
    shapes = List.copyOf(shapes);
    positions = List.copyOf(positions);
    pending = Map.copyOf(pending);
  }

  /** The edit that removes the given shapes (ids not in the document are ignored). */
  public static RemoveShapes of(String name, LabelDocument document, Collection<Long> ids) {
    List<Shape> removed = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    Map<Long, Double> pending = new HashMap<>();
    List<Shape> all = document.shapes();
    for (int i = 0; i < all.size(); i++) {
      if (ids.contains(all.get(i).id())) {
        removed.add(all.get(i));
        positions.add(i);
        if (document.isPending(all.get(i).id())) {
          pending.put(all.get(i).id(), document.confidence(all.get(i).id()));
        }
      }
    }
    return new RemoveShapes(name, removed, positions, pending);
  }

  @Override
  public void apply(LabelDocument document) {
    for (Shape shape : shapes) {
      document.remove(shape.id());
    }
  }

  @Override
  public void revert(LabelDocument document) {
    // ascending positions: each one is right once the ones before it are back
    for (int i = 0; i < shapes.size(); i++) {
      document.insert(positions.get(i), shapes.get(i));
    }
    pending.forEach(document::setPending);
  }
}
