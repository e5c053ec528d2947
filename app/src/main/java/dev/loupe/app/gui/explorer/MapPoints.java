package dev.loupe.app.gui.explorer;

import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.insight.MapPoint;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The points of a dataset's map as primitive arrays, for drawing and hit testing 100,000 of them:
 * position, cluster, the image's current split and label count, and its rarest class (-1: no labels).
 * Immutable; a move or delete makes a new one.
 */
public final class MapPoints {
  private final String[] hashes;
  private final String[] filenames;
  private final float[] xs;
  private final float[] ys;
  private final int[] clusters;
  private final Split[] splits;
  private final int[] labelCounts;
  private final int[] classes;
  private final int clusterCount;

  private MapPoints(
      String[] hashes, String[] filenames, float[] xs, float[] ys, int[] clusters, Split[] splits,
      int[] labelCounts, int[] classes, int clusterCount) {
    this.hashes = hashes;
    this.filenames = filenames;
    this.xs = xs;
    this.ys = ys;
    this.clusters = clusters;
    this.splits = splits;
    this.labelCounts = labelCounts;
    this.classes = classes;
    this.clusterCount = clusterCount;
  }

  /**
   * The points of {@code map} whose images the dataset still holds ({@code facts}: what the dataset
   * says of each image now); images deleted since the map was made are left out.
   */
  public static MapPoints of(DatasetMap map, Map<String, ImageFacts.Fact> facts) {
    List<MapPoint> all = map.points();
    int n = 0;
    for (MapPoint p : all) {
      if (facts.containsKey(p.hash())) {
        n++;
      }
    }
    MapPoints m = empty(n);
    int i = 0;
    int maxCluster = -1;
    for (MapPoint p : all) {
      ImageFacts.Fact f = facts.get(p.hash());
      if (f == null) {
        continue;
      }
      m.hashes[i] = p.hash();
      m.filenames[i] = f.filename();
      m.xs[i] = p.x();
      m.ys[i] = p.y();
      m.clusters[i] = p.cluster();
      m.splits[i] = f.split();
      m.labelCounts[i] = f.labelCount();
      m.classes[i] = f.rarestClass();
      maxCluster = Math.max(maxCluster, p.cluster());
      i++;
    }
    int clusterCount = Math.max(map.clusters(), maxCluster + 1);
    return new MapPoints(m.hashes, m.filenames, m.xs, m.ys, m.clusters, m.splits, m.labelCounts, m.classes,
        clusterCount);
  }

  private static MapPoints empty(int n) {
    return new MapPoints(new String[n], new String[n], new float[n], new float[n], new int[n], new Split[n],
        new int[n], new int[n], 0);
  }

  public int size() {
    return xs.length;
  }

  public String hash(int i) {
    return hashes[i];
  }

  public String filename(int i) {
    return filenames[i];
  }

  public float x(int i) {
    return xs[i];
  }

  public float y(int i) {
    return ys[i];
  }

  /** The x coordinates (not to be changed). */
  float[] xs() {
    return xs;
  }

  /** The y coordinates (not to be changed). */
  float[] ys() {
    return ys;
  }

  public int cluster(int i) {
    return clusters[i];
  }

  public Split split(int i) {
    return splits[i];
  }

  public int labelCount(int i) {
    return labelCounts[i];
  }

  /** The image's rarest class id, or -1 when it has no labels. */
  public int rarestClass(int i) {
    return classes[i];
  }

  /** Clusters of the map (ids 0 to this, exclusive). */
  public int clusterCount() {
    return clusterCount;
  }

  /** The positions of {@code wanted} hashes. */
  public BitSet indicesOf(Collection<String> wanted) {
    Set<String> set = wanted instanceof Set<String> s ? s : new HashSet<>(wanted);
    BitSet found = new BitSet(size());
    for (int i = 0; i < hashes.length; i++) {
      if (set.contains(hashes[i])) {
        found.set(i);
      }
    }
    return found;
  }

  /** These points with the images at {@code moved} in {@code split}. */
  public MapPoints withSplit(BitSet moved, Split split) {
    Split[] now = splits.clone();
    for (int i = moved.nextSetBit(0); i >= 0; i = moved.nextSetBit(i + 1)) {
      now[i] = split;
    }
    return new MapPoints(hashes, filenames, xs, ys, clusters, now, labelCounts, classes, clusterCount);
  }

  /** These points without those at {@code removed}. */
  public MapPoints without(BitSet removed) {
    int n = size() - removed.cardinality();
    MapPoints m = empty(n);
    int j = 0;
    for (int i = 0; i < size(); i++) {
      if (removed.get(i)) {
        continue;
      }
      m.hashes[j] = hashes[i];
      m.filenames[j] = filenames[i];
      m.xs[j] = xs[i];
      m.ys[j] = ys[i];
      m.clusters[j] = clusters[i];
      m.splits[j] = splits[i];
      m.labelCounts[j] = labelCounts[i];
      m.classes[j] = classes[i];
      j++;
    }
    return new MapPoints(m.hashes, m.filenames, m.xs, m.ys, m.clusters, m.splits, m.labelCounts, m.classes,
        clusterCount);
  }
}
