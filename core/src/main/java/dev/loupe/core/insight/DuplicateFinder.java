package dev.loupe.core.insight;

import dev.loupe.core.task.TaskMonitor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups images into exact duplicates (the same pixel hash) and near duplicates (joined, through
 * union-find, by pairs that {@link NearDuplicates} finds within the threshold). Every pair of images
 * is looked at, cheaply first: the 8 x 8 grey pictures must correlate (NCC at least {@code max(0.3,
 * 1 - 2 threshold)}) and the colour histograms overlap (distance within the threshold) before the
 * crop search runs. See ADR 0012 for the figures the threshold was picked from.
 */
public final class DuplicateFinder {
  /** The threshold picked from {@code loupe bench duplicates} (ADR 0012). */
  public static final double DEFAULT_THRESHOLD = 0.3;

  /** One group: the indices of its images in the input, in input order. */
  public record Group(DuplicateGroup.Kind kind, int[] members) {}

  private DuplicateFinder() {}

  /**
   * The groups among {@code prints}: a component whose images all have the same pixels is one EXACT
   * group; any other is a NEAR group, followed by EXACT groups for its pixel-identical subsets.
   * Unreadable images are in no group. EXACT groups come first, then NEAR, each by their first image.
   *
   * @param threshold 0 (exact duplicates only) to 1 (the loosest)
   * @throws dev.loupe.core.task.CancelledException when {@code monitor} is cancelled
   */
  public static List<Group> find(List<Fingerprint> prints, double threshold, TaskMonitor monitor) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be from 0 to 1, was " + threshold);
    }
    int n = prints.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<Long, Integer> firstWithPixels = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (prints.get(i).readable()) {
        Integer first = firstWithPixels.putIfAbsent(prints.get(i).pixelHash(), i);
        if (first != null) {
          union(parent, first, i);
        }
      }
    }
    if (threshold > 0) {
      linkNear(prints, threshold, parent, monitor);
    }
    return groups(prints, parent);
  }

  private static void linkNear(List<Fingerprint> prints, double threshold, int[] parent, TaskMonitor monitor) {
    int n = prints.size();
    float[] coarse = new float[n * 64];
    for (int i = 0; i < n; i++) {
      coarse(prints.get(i), coarse, i * 64);
    }
    double coarseCut = Math.max(0.3, 1 - 2 * threshold);
    for (int i = 0; i < n; i++) {
      if (i % 64 == 0) {
        monitor.checkCancelled();
        monitor.progress(i, n, "comparing images");
      }
      Fingerprint a = prints.get(i);
      if (!a.readable()) {
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        Fingerprint b = prints.get(j);
        if (!b.readable() || dot(coarse, i * 64, j * 64) < coarseCut) {
          continue;
        }
        if (find(parent, i) == find(parent, j) || 1 - Fingerprint.colourIntersection(a, b) > threshold) {
          continue;
        }
        if (NearDuplicates.distance(a, b) <= threshold) {
          union(parent, i, j);
        }
      }
    }
    monitor.progress(n, n, "comparing images");
  }

  private static List<Group> groups(List<Fingerprint> prints, int[] parent) {
    Map<Integer, List<Integer>> components = new HashMap<>();
    for (int i = 0; i < prints.size(); i++) {
      if (prints.get(i).readable()) {
        components.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
      }
    }
    List<Group> exact = new ArrayList<>();
    List<Group> near = new ArrayList<>();
    for (List<Integer> members : components.values()) {
      if (members.size() < 2) {
        continue;
      }
      Map<Long, List<Integer>> byPixels = new HashMap<>();
      for (int m : members) {
        byPixels.computeIfAbsent(prints.get(m).pixelHash(), h -> new ArrayList<>()).add(m);
      }
      if (byPixels.size() > 1) {
        near.add(new Group(DuplicateGroup.Kind.NEAR, ints(members)));
      }
      for (List<Integer> same : byPixels.values()) {
        if (same.size() > 1) {
          exact.add(new Group(DuplicateGroup.Kind.EXACT, ints(same)));
        }
      }
    }
    Comparator<Group> byFirst = Comparator.comparingInt(g -> g.members()[0]);
    exact.sort(byFirst);
    near.sort(byFirst);
    List<Group> out = new ArrayList<>(exact);
    out.addAll(near);
    return out;
  }

  private static int[] ints(List<Integer> members) {
    int[] out = members.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /** The 8 x 8 block means of the grey thumbnail, zero-mean and unit-length. */
  private static void coarse(Fingerprint f, float[] out, int at) {
    int block = Fingerprint.SIDE / 8;
    for (int y = 0; y < Fingerprint.SIDE; y++) {
      for (int x = 0; x < Fingerprint.SIDE; x++) {
        out[at + (y / block) * 8 + x / block] += f.grey(x, y);
      }
    }
    float[] v = Arrays.copyOfRange(out, at, at + 64);
    NearDuplicates.normalise(v);
    System.arraycopy(v, 0, out, at, 64);
  }

  private static float dot(float[] v, int a, int b) {
    float s = 0;
    for (int i = 0; i < 64; i++) {
      s += v[a + i] * v[b + i];
    }
    return s;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
