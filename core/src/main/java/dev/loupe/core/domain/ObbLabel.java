package dev.loupe.core.domain;

/** A rotated box as its four corners x1 y1 ... x4 y4, normalized. */
public record ObbLabel(int classId, Coords corners) implements Label {
  public ObbLabel {
    if (corners.size() != 8) {
      throw new IllegalArgumentException("an oriented box needs 8 values, got " + corners.size());
    }
  }

  @Override
  public ObbLabel withClassId(int newClassId) {
    return new ObbLabel(newClassId, corners);
  }
}
