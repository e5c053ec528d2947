package dev.loupe.labeling.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Deletes shapes; undo puts them back where they were in the drawing order. */
public record RemoveShapes(String name, List<Shape> shapes, List<Integer> positions) implements Edit {
  public RemoveShapes {
    shapes = List.copyOf(shapes);
    positions = List.copyOf(positions);
  }

  /** The edit that removes the given shapes (ids not in the document are ignored). */
  public static RemoveShapes of(String name, LabelDocument document, Collection<Long> ids) {
    List<Shape> removed = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Shape> all = document.shapes();
    for (int i = 0; i < all.size(); i++) {
      if (ids.contains(all.get(i).id())) {
        removed.add(all.get(i));
        positions.add(i);
      }
    }
    return new RemoveShapes(name, removed, positions);
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
  }
}
