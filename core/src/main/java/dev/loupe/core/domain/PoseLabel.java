package dev.loupe.core.domain;

/**
 * A pose instance: its box and K keypoints of {@code dims} values each (x y, or x y visibility with
 * visibility 0 = not labeled, 1 = labeled but occluded, 2 = visible).
 */
public record PoseLabel(int classId, double cx, double cy, double w, double h, Coords keypoints, int dims)
    implements Label {
  public PoseLabel {
    if (dims != 2 && dims != 3) {
      throw new IllegalArgumentException("keypoint dims must be 2 or 3, got " + dims);
    }
    if (keypoints.size() % dims != 0) {
      throw new IllegalArgumentException(
          keypoints.size() + " keypoint values is not a multiple of " + dims);
    }
  }

  public int keypointCount() {
    return keypoints.size() / dims;
  }

  @Override
  public PoseLabel withClassId(int newClassId) {
    return new PoseLabel(newClassId, cx, cy, w, h, keypoints, dims);
  }
}
