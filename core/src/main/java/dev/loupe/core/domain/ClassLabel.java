package dev.loupe.core.domain;

/** The class of a whole image (classify datasets). */
public record ClassLabel(int classId) implements Label {
  @Override
  public ClassLabel withClassId(int newClassId) {
    return new ClassLabel(newClassId);
  }
}
