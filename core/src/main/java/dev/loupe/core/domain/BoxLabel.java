package dev.loupe.core.domain;

/** An axis-aligned box: centre and size, normalized to the image. */
public record BoxLabel(int classId, double cx, double cy, double w, double h) implements Label {
  @Override
  public BoxLabel withClassId(int newClassId) {
    return new BoxLabel(newClassId, cx, cy, w, h);
  }
}
