package dev.loupe.app.demo;

import java.util.List;

/**
 * A stick figure in COCO's 17-keypoint order, as fractions of its box, facing the viewer (the
 * figure's left is the image's right).
 */
final class PoseFigure {
  static final int KEYPOINTS = 17;

  /** COCO's flip_idx: each keypoint's mirror image (left and right swapped). */
  static final List<Integer> FLIP_IDX = List.of(0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15);

  /** x, y of nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles (left then right). */
  static final double[][] TEMPLATE = {
    {0.50, 0.08}, {0.54, 0.05}, {0.46, 0.05}, {0.58, 0.07}, {0.42, 0.07},
    {0.68, 0.22}, {0.32, 0.22}, {0.78, 0.38}, {0.22, 0.38}, {0.84, 0.52}, {0.16, 0.52},
    {0.62, 0.55}, {0.38, 0.55}, {0.64, 0.75}, {0.36, 0.75}, {0.66, 0.95}, {0.34, 0.95},
  };

  /** Pairs of keypoints joined by a limb. */
  static final int[][] SKELETON = {
    {5, 6}, {5, 7}, {7, 9}, {6, 8}, {8, 10}, {5, 11}, {6, 12}, {11, 12},
    {11, 13}, {13, 15}, {12, 14}, {14, 16}, {0, 1}, {0, 2}, {1, 3}, {2, 4},
  };

  private PoseFigure() {}
}
