package dev.loupe.core.domain;

/** A polygon for segmentation: x1 y1 x2 y2 ... normalized, at least three vertices. */
public record PolygonLabel(int classId, Coords points) implements Label {
  public PolygonLabel {
    if (points.size() < 6 || points.size() % 2 != 0) {
      throw new IllegalArgumentException(
          "a polygon needs an even number of at least 6 values, got " + points.size());
    }
  }

  public int vertexCount() {
    return points.size() / 2;
  }

  @Override
  public PolygonLabel withClassId(int newClassId) {
    return new PolygonLabel(newClassId, points);
  }
}
