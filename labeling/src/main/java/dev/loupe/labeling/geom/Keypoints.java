package dev.loupe.labeling.geom;

import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.PoseLabel;
import java.util.List;

/**
 * Reading and changing the keypoints of a pose label. Visibility follows YOLO: 0 not labeled, 1
 * labeled but occluded, 2 visible; with two values per point a point at (0, 0) counts as not labeled.
 */
public final class Keypoints {
  private Keypoints() {}

  public static double x(PoseLabel p, int k) {
    return p.keypoints().get(k * p.dims());
  }

  public static double y(PoseLabel p, int k) {
    return p.keypoints().get(k * p.dims() + 1);
  }

  public static int visibility(PoseLabel p, int k) {
    if (p.dims() == 3) {
      return (int) Math.round(p.keypoints().get(k * 3 + 2));
    }
    return x(p, k) == 0 && y(p, k) == 0 ? 0 : 2;
  }

  public static boolean isLabeled(PoseLabel p, int k) {
    return visibility(p, k) > 0;
  }

  /** The pose with keypoint k at (x, y), labeled (visible unless it was occluded). */
  public static PoseLabel move(PoseLabel p, int k, double x, double y) {
    double[] v = p.keypoints().toArray();
    v[k * p.dims()] = Geometry.clamp(x);
    v[k * p.dims() + 1] = Geometry.clamp(y);
    if (p.dims() == 3 && v[k * 3 + 2] == 0) {
      v[k * 3 + 2] = 2;
    }
    return new PoseLabel(p.classId(), p.cx(), p.cy(), p.w(), p.h(), Coords.of(v), p.dims());
  }

  /**
   * Cycles a keypoint's visibility: visible -> occluded -> not labeled -> visible. With two values per
   * point there is no "occluded": visible -> not labeled (0, 0). A point brought back from "not
   * labeled" sits at the centre of the box.
   */
  public static PoseLabel cycleVisibility(PoseLabel p, int k) {
    double[] v = p.keypoints().toArray();
    int vis = visibility(p, k);
    int next = p.dims() == 3 ? (vis == 2 ? 1 : vis == 1 ? 0 : 2) : (vis == 0 ? 2 : 0);
    if (next == 0) {
      v[k * p.dims()] = 0;
      v[k * p.dims() + 1] = 0;
    } else if (vis == 0) {
      v[k * p.dims()] = p.cx();
      v[k * p.dims() + 1] = p.cy();
    }
    if (p.dims() == 3) {
      v[k * 3 + 2] = next;
    }
    return new PoseLabel(p.classId(), p.cx(), p.cy(), p.w(), p.h(), Coords.of(v), p.dims());
  }

  /** The pose with keypoint k not labeled (0, 0, visibility 0). */
  public static PoseLabel unset(PoseLabel p, int k) {
    double[] v = p.keypoints().toArray();
    for (int i = 0; i < p.dims(); i++) {
      v[k * p.dims() + i] = 0;
    }
    return new PoseLabel(p.classId(), p.cx(), p.cy(), p.w(), p.h(), Coords.of(v), p.dims());
  }

  /** A pose whose K keypoints are all "not labeled". */
  public static Coords unlabeled(int keypoints, int dims) {
    return Coords.of(new double[keypoints * dims]);
  }

  /**
   * Mirrors a pose left-right around its box centre and swaps the keypoints named by {@code flipIdx}
   * (a left wrist becomes the right wrist), as Ultralytics' flip augmentation does. A missing or
   * wrongly sized flip_idx mirrors without swapping.
   */
  public static PoseLabel flipHorizontally(PoseLabel p, List<Integer> flipIdx) {
    int n = p.keypointCount();
    int dims = p.dims();
    double[] src = p.keypoints().toArray();
    double[] out = new double[src.length];
    boolean swap = flipIdx != null && flipIdx.size() == n;
    for (int k = 0; k < n; k++) {
      int from = swap ? flipIdx.get(k) : k;
      System.arraycopy(src, from * dims, out, k * dims, dims);
      boolean labeled = dims == 3 ? out[k * 3 + 2] > 0 : out[k * dims] != 0 || out[k * dims + 1] != 0;
      if (labeled) {
        out[k * dims] = Geometry.clamp(2 * p.cx() - out[k * dims]);
      }
    }
    return new PoseLabel(p.classId(), p.cx(), p.cy(), p.w(), p.h(), Coords.of(out), dims);
  }
}
