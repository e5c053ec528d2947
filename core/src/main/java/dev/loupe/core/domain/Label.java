package dev.loupe.core.domain;

/**
 * One annotation of an image, in normalized YOLO geometry. Immutable; every kind knows its class.
 */
public sealed interface Label permits BoxLabel, PolygonLabel, PoseLabel, ObbLabel, ClassLabel {
  int classId();

  /** The same geometry with another class. */
  Label withClassId(int classId);
}
