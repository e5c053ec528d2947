package dev.loupe.core.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * Accumulates class statistics image by image, label by label, in one pass, then builds
 * {@link ClassStats}. Pure computation: no storage, no threads.
 */
public final class ClassStatsCalculator {
  /** Width of the image size histogram bins, in pixels. */
  public static final int SIZE_BIN = 32;
  /** Cells per side of the location and dimension heatmaps. */
  public static final int GRID = 20;

  private final List<String> classNames;
  private final long[] counts;
  private final long[] imageCounts;
  private final TreeMap<Integer, Long> widths = new TreeMap<>();
  private final TreeMap<Integer, Long> heights = new TreeMap<>();
  private final TreeMap<Integer, Long> points = new TreeMap<>();
  private final long[][] location = new long[GRID][GRID];
  private int[] dims = new int[1024];
  private int dimCount;
  private long images;
  private final boolean[] seenInImage;
  private final int[] seenList;
  private int seenSize;
  private int imageWidth;
  private int imageHeight;

  public ClassStatsCalculator(List<String> classNames) {
    this.classNames = List.copyOf(classNames);
    this.counts = new long[classNames.size()];
    this.imageCounts = new long[classNames.size()];
    this.seenInImage = new boolean[classNames.size()];
    this.seenList = new int[classNames.size()];
  }

  /** Starts an image of the given size; its labels follow. */
  public void image(int width, int height) {
    endImage();
    images++;
    imageWidth = width;
    imageHeight = height;
    widths.merge(width / SIZE_BIN * SIZE_BIN, 1L, Long::sum);
    heights.merge(height / SIZE_BIN * SIZE_BIN, 1L, Long::sum);
  }

  /** A label without geometry (an image class). */
  public void classLabel(int classId) {
    countClass(classId);
  }

  /**
   * A label with geometry: its bounding box in normalized coordinates and its point count.
   */
  public void label(int classId, double minX, double minY, double maxX, double maxY, int pointCount) {
    countClass(classId);
    points.merge(pointCount, 1L, Long::sum);
    double cx = (minX + maxX) / 2;
    double cy = (minY + maxY) / 2;
    location[cell(cy)][cell(cx)]++;
    int w = (int) Math.min(65535, Math.round((maxX - minX) * imageWidth));
    int h = (int) Math.min(65535, Math.round((maxY - minY) * imageHeight));
    if (dimCount == dims.length) {
      dims = Arrays.copyOf(dims, dims.length * 2);
    }
    dims[dimCount++] = (Math.max(0, w) << 16) | Math.max(0, h);
  }

  private void countClass(int classId) {
    if (classId < 0 || classId >= counts.length) {
      return;
    }
    counts[classId]++;
    if (!seenInImage[classId]) {
      seenInImage[classId] = true;
      seenList[seenSize++] = classId;
    }
  }

  private void endImage() {
    for (int i = 0; i < seenSize; i++) {
      imageCounts[seenList[i]]++;
      seenInImage[seenList[i]] = false;
    }
    seenSize = 0;
  }

  private static int cell(double v) {
    int c = (int) Math.floor(v * GRID);
    return Math.max(0, Math.min(GRID - 1, c));
  }

  public ClassStats build() {
    endImage();
    List<ClassStats.ClassCount> classes = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      classes.add(new ClassStats.ClassCount(i, counts[i], imageCounts[i]));
    }
    long maxLocation = 0;
    for (long[] row : location) {
      for (long v : row) {
        maxLocation = Math.max(maxLocation, v);
      }
    }
    return new ClassStats(
        classes,
        new ClassStats.ImageStats(bins(widths), bins(heights), bins(points)),
        new ClassStats.Heatmap(copy(location), maxLocation),
        dimensionHeatmap(),
        classNames,
        false,
        false,
        images);
  }

  private ClassStats.DimensionHeatmap dimensionHeatmap() {
    long[][] bins = new long[GRID][GRID];
    if (dimCount == 0) {
      return new ClassStats.DimensionHeatmap(bins, 0, 0, 0, 0, 0);
    }
    int minW = Integer.MAX_VALUE;
    int maxW = 0;
    int minH = Integer.MAX_VALUE;
    int maxH = 0;
    for (int i = 0; i < dimCount; i++) {
      int w = dims[i] >>> 16;
      int h = dims[i] & 0xFFFF;
      minW = Math.min(minW, w);
      maxW = Math.max(maxW, w);
      minH = Math.min(minH, h);
      maxH = Math.max(maxH, h);
    }
    long max = 0;
    for (int i = 0; i < dimCount; i++) {
      int wb = bin(dims[i] >>> 16, minW, maxW);
      int hb = bin(dims[i] & 0xFFFF, minH, maxH);
      max = Math.max(max, ++bins[hb][wb]);
    }
    return new ClassStats.DimensionHeatmap(bins, max, minW, maxW, minH, maxH);
  }

  private static int bin(int v, int min, int max) {
    if (max == min) {
      return 0;
    }
    return Math.min(GRID - 1, (int) ((long) (v - min) * GRID / (max - min + 1)));
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
}
