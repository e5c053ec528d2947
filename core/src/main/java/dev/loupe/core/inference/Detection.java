package dev.loupe.core.inference;

import java.util.List;

/**
 * One object found in an image, in original-image pixels (after EXIF orientation).
 *
 * @param classId class index of the model
 * @param name class name from the model's metadata
 * @param confidence score in 0..1
 * @param x1 left of the axis-aligned box (for obb: of the rotated box's hull)
 * @param segments polygons of a segment model, each as x0,y0,x1,y1,... in pixels; empty otherwise
 * @param keypoints pose keypoints as x,y,visibility triples (x,y pairs for 2-dim models); null
 *     otherwise
 * @param obb rotated box as cx,cy,w,h,angle (radians, regularized); null for other tasks
 */
public record Detection(
    int classId,
    String name,
    double confidence,
    double x1,
    double y1,
    double x2,
    double y2,
    List<double[]> segments,
    double[] keypoints,
    double[] obb) {
  public Detection {
    segments = List.copyOf(segments);
  }

  /** A plain box detection. */
  public static Detection box(
      int classId, String name, double confidence, double x1, double y1, double x2, double y2) {
    return new Detection(classId, name, confidence, x1, y1, x2, y2, List.of(), null, null);
  }
}
