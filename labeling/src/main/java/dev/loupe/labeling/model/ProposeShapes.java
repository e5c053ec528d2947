package dev.loupe.labeling.model;

import java.util.List;
import java.util.Map;

/**
 * Adds a model's predictions on top of the other shapes, each pending review with its confidence;
 * undo takes them away again.
 */
public record ProposeShapes(String name, List<Shape> shapes, Map<Long, Double> confidences) implements Edit {
  public ProposeShapes {
    shapes = List.copyOf(shapes);
    confidences = Map.copyOf(confidences);
  }

  @Override
  public void apply(LabelDocument document) {
    for (Shape shape : shapes) {
      document.insert(document.size(), shape);
      document.setPending(shape.id(), confidences.getOrDefault(shape.id(), Double.NaN));
    }
  }

  @Override
  public void revert(LabelDocument document) {
    for (int i = shapes.size() - 1; i >= 0; i--) {
      document.remove(shapes.get(i).id());
    }
  }
}
