package dev.loupe.core.stats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Class statistics as sums that images can be added to and taken out of: every figure of
 * {@link ClassStats} is a count, so a change to one image changes the statistics by that image's
 * contribution, and the statistics of a million images stay exact without reading them again. The
 * state serializes to a few kilobytes. Pure computation: no storage, no threads.
 *
 * <p>Bins: image sizes in 32 px bins; label centres on a 20 x 20 grid over the image; label sizes on a
 * 20 x 20 grid of their normalized width and height (so the grid stays additive), with the smallest
 * and largest label size in pixels alongside.
 */
public final class ClassStatsCalculator {
  /** Width of the image size histogram bins, in pixels. */
  public static final int SIZE_BIN = 32;
  /** Cells per side of the location and dimension heatmaps. */
  public static final int GRID = 20;

  private long[] counts = new long[0];
  private long[] imageCounts = new long[0];
  private final TreeMap<Integer, Long> widths = new TreeMap<>();
  private final TreeMap<Integer, Long> heights = new TreeMap<>();
  private final TreeMap<Integer, Long> points = new TreeMap<>();
  private final TreeMap<Integer, Long> labelWidths = new TreeMap<>();
  private final TreeMap<Integer, Long> labelHeights = new TreeMap<>();
  private final long[][] location = new long[GRID][GRID];
  private final long[][] dimension = new long[GRID][GRID];
  private long images;

  // the image being added or removed
  private int sign;
  private int imageWidth;
  private int imageHeight;
  private boolean[] seen = new boolean[0];
  private int[] seenList = new int[0];
  private int seenSize;

  /** Starts adding an image of the given size; its labels follow. */
  public void image(int width, int height) {
    begin(width, height, 1);
  }

  /** Starts taking out an image that was added before; its labels, as they were, follow. */
  public void removeImage(int width, int height) {
    begin(width, height, -1);
  }

  private void begin(int width, int height, int newSign) {
    endImage();
    sign = newSign;
    images += sign;
    imageWidth = width;
    imageHeight = height;
    add(widths, width / SIZE_BIN * SIZE_BIN);
    add(heights, height / SIZE_BIN * SIZE_BIN);
  }

  /** A label without geometry (an image class). */
  public void classLabel(int classId) {
    countClass(classId);
  }

  /** A label with geometry: its bounding box in normalized coordinates and its point count. */
  public void label(int classId, double minX, double minY, double maxX, double maxY, int pointCount) {
    countClass(classId);
    add(points, pointCount);
    location[cell((minY + maxY) / 2)][cell((minX + maxX) / 2)] += sign;
    double w = Math.max(0, maxX - minX);
    double h = Math.max(0, maxY - minY);
    dimension[cell(h)][cell(w)] += sign;
    add(labelWidths, (int) Math.min(Integer.MAX_VALUE, Math.round(w * imageWidth)));
    add(labelHeights, (int) Math.min(Integer.MAX_VALUE, Math.round(h * imageHeight)));
  }

  private void countClass(int classId) {
    if (classId < 0) {
      return;
    }
    if (classId >= counts.length) {
      int n = Math.max(classId + 1, counts.length * 2);
      counts = Arrays.copyOf(counts, n);
      imageCounts = Arrays.copyOf(imageCounts, n);
      seen = Arrays.copyOf(seen, n);
      seenList = Arrays.copyOf(seenList, n);
    }
    counts[classId] += sign;
    if (!seen[classId]) {
      seen[classId] = true;
      seenList[seenSize++] = classId;
    }
  }

  private void endImage() {
    for (int i = 0; i < seenSize; i++) {
      imageCounts[seenList[i]] += sign;
      seen[seenList[i]] = false;
    }
    seenSize = 0;
  }

  private void add(TreeMap<Integer, Long> map, int key) {
    long value = map.getOrDefault(key, 0L) + sign;
    if (value == 0) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  /** The heatmap row or column (0 to GRID - 1) of a normalized coordinate or size. */
  public static int cell(double v) {
    return Math.max(0, Math.min(GRID - 1, (int) Math.floor(v * GRID)));
  }

  /** The statistics so far, for a dataset with these class names. */
  public ClassStats build(List<String> classNames) {
    endImage();
    List<ClassStats.ClassCount> classes = new ArrayList<>(classNames.size());
    for (int i = 0; i < classNames.size(); i++) {
      classes.add(new ClassStats.ClassCount(i, at(counts, i), at(imageCounts, i)));
    }
    return new ClassStats(
        classes,
        new ClassStats.ImageStats(bins(widths), bins(heights), bins(points)),
        new ClassStats.Heatmap(copy(location), max(location)),
        new ClassStats.DimensionHeatmap(
            copy(dimension), max(dimension), first(labelWidths), last(labelWidths), first(labelHeights),
            last(labelHeights)),
        classNames,
        false,
        false,
        images);
  }

  private static long at(long[] array, int i) {
    return i < array.length ? array[i] : 0;
  }

  private static int first(TreeMap<Integer, Long> map) {
    return map.isEmpty() ? 0 : map.firstKey();
  }

  private static int last(TreeMap<Integer, Long> map) {
    return map.isEmpty() ? 0 : map.lastKey();
  }

  private static long max(long[][] grid) {
    long max = 0;
    for (long[] row : grid) {
      for (long v : row) {
        max = Math.max(max, v);
      }
    }
    return max;
  }

  private static List<ClassStats.Bin> bins(TreeMap<Integer, Long> map) {
    List<ClassStats.Bin> list = new ArrayList<>(map.size());
    map.forEach((bin, count) -> list.add(new ClassStats.Bin(bin, count)));
    return list;
  }

  private static long[][] copy(long[][] grid) {
    long[][] out = new long[grid.length][];
    for (int i = 0; i < grid.length; i++) {
      out[i] = grid[i].clone();
    }
    return out;
  }

  /** The sums as bytes, to be stored beside the dataset. */
  public byte[] toBytes() {
    endImage();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(1);
      out.writeLong(images);
      writeArray(out, counts);
      writeArray(out, imageCounts);
      for (TreeMap<Integer, Long> map : List.of(widths, heights, points, labelWidths, labelHeights)) {
        out.writeInt(map.size());
        for (Map.Entry<Integer, Long> e : map.entrySet()) {
          out.writeInt(e.getKey());
          out.writeLong(e.getValue());
        }
      }
      for (long[][] grid : List.of(location, dimension)) {
        for (long[] row : grid) {
          writeArray(out, row);
        }
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sums stored by {@link #toBytes()}. */
  public static ClassStatsCalculator fromBytes(byte[] data) {
    ClassStatsCalculator c = new ClassStatsCalculator();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != 1) {
        throw new IllegalArgumentException("unknown class statistics format");
      }
      c.images = in.readLong();
      c.counts = readArray(in);
      c.imageCounts = readArray(in);
      c.seen = new boolean[c.counts.length];
      c.seenList = new int[c.counts.length];
      for (TreeMap<Integer, Long> map : List.of(c.widths, c.heights, c.points, c.labelWidths, c.labelHeights)) {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
          map.put(in.readInt(), in.readLong());
        }
      }
      for (long[][] grid : List.of(c.location, c.dimension)) {
        for (int r = 0; r < GRID; r++) {
          grid[r] = readArray(in);
        }
      }
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeArray(DataOutputStream out, long[] values) throws IOException {
    out.writeInt(values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static long[] readArray(DataInputStream in) throws IOException {
    long[] values = new long[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readLong();
    }
    return values;
  }
}
