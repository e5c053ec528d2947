package dev.loupe.core.platform.remote;

import java.util.List;

/**
 * A label in the platform's shape: normalized 0..1 coordinates; {@code bbox} is
 * {@code [cx, cy, w, h]}, {@code segments} a flat polygon {@code [x1, y1, ...]}, {@code obb} four
 * corners, {@code keypoints} {@code [x, y, (v), ...]} beside a pose's box; a class label has only
 * {@code classId}.
 */
public record RemoteLabel(
    int classId, List<Double> bbox, List<Double> segments, List<Double> obb, List<Double> keypoints) {

  public static RemoteLabel box(int classId, double cx, double cy, double w, double h) {
    return new RemoteLabel(classId, List.of(cx, cy, w, h), null, null, null);
  }

  public static RemoteLabel polygon(int classId, List<Double> points) {
    return new RemoteLabel(classId, null, points, null, null);
  }
}
