package dev.loupe.labeling.model;

import java.util.List;

/** Adds shapes on top of the others: a drawn shape, a paste, a duplicate, a pre-label batch. */
public record AddShapes(String name, List<Shape> shapes) implements Edit {
  public AddShapes {
    shapes = List.copyOf(shapes);
  }

  @Override
  public void apply(LabelDocument document) {
    for (Shape shape : shapes) {
      document.insert(document.size(), shape);
    }
  }

  @Override
  public void revert(LabelDocument document) {
    for (int i = shapes.size() - 1; i >= 0; i--) {
      document.remove(shapes.get(i).id());
    }
  }
}
