package dev.loupe.labeling.canvas;

/** The drawing tools of the canvas. */
public enum ToolKind {
  SELECT,
  BOX,
  POLYGON,
  OBB,
  KEYPOINTS
}
