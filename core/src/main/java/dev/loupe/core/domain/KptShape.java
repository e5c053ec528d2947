package dev.loupe.core.domain;

import java.util.List;

/** The keypoint shape of a pose dataset: K keypoints of 2 (x y) or 3 (x y visibility) values. */
public record KptShape(int keypoints, int dims) {
  public KptShape {
    if (keypoints < 1) {
      throw new IllegalArgumentException("kpt_shape needs at least one keypoint, got " + keypoints);
    }
    if (dims != 2 && dims != 3) {
      throw new IllegalArgumentException("kpt_shape dims must be 2 or 3, got " + dims);
    }
  }

  /** Number of values one object's keypoints take in a label row. */
  public int values() {
    return keypoints * dims;
  }

  public List<Integer> asList() {
    return List.of(keypoints, dims);
  }
}
