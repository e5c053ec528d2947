package dev.loupe.labeling.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a pose's keypoints are drawn: which pairs are joined (the skeleton) and which points are on the
 * left or right side (from flip_idx: a point whose mirror partner is another point).
 */
public record Skeleton(List<int[]> edges, List<Integer> flipIdx) {
  /** COCO's 17-keypoint skeleton (0-based), used for 17-point datasets without their own. */
  static final int[][] COCO =
      {{15, 13}, {13, 11}, {16, 14}, {14, 12}, {11, 12}, {5, 11}, {6, 12}, {5, 6}, {5, 7}, {6, 8}, {7, 9},
          {8, 10}, {1, 2}, {0, 1}, {0, 2}, {1, 3}, {2, 4}, {3, 5}, {4, 6}};

  public static final Skeleton NONE = new Skeleton(List.of(), null);

  /**
   * The skeleton of a pose dataset: the {@code skeleton} key of its data.yaml when present (pairs of
   * 0-based indices), COCO's for 17 points, otherwise none.
   */
  public static Skeleton of(int keypoints, List<Integer> flipIdx, Map<String, Object> extra) {
    List<int[]> edges = new ArrayList<>();
    Object declared = extra == null ? null : extra.get("skeleton");
    if (declared instanceof List<?> pairs) {
      for (Object pair : pairs) {
        if (pair instanceof List<?> p && p.size() == 2 && p.get(0) instanceof Number a && p.get(1) instanceof Number b
            && a.intValue() >= 0 && b.intValue() >= 0 && a.intValue() < keypoints && b.intValue() < keypoints) {
          edges.add(new int[] {a.intValue(), b.intValue()});
        }
      }
    } else if (keypoints == 17) {
      for (int[] e : COCO) {
        edges.add(e.clone());
      }
    }
    return new Skeleton(List.copyOf(edges), flipIdx == null ? null : List.copyOf(flipIdx));
  }

  /** -1 left, 1 right, 0 centre (or unknown): the lower index of a mirrored pair is called left. */
  public int side(int k) {
    if (flipIdx == null || k >= flipIdx.size() || flipIdx.get(k) == k) {
      return 0;
    }
    return k < flipIdx.get(k) ? -1 : 1;
  }
}
