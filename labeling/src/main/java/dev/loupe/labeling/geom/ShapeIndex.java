package dev.loupe.labeling.geom;

import dev.loupe.core.domain.Label;
import java.util.Arrays;
import java.util.List;

/**
 * A uniform grid over the image that answers "which labels touch this rectangle" in time that grows
 * with the answer, not with the number of labels: drawing and hit testing look only at what is
 * near. Built once per change of the labels (linear time). Labels without geometry (image classes) and
 * labels that cover a large part of the image are kept in a short list that every query returns.
 */
public final class ShapeIndex {
  private static final int GRID = 64;
  private static final int MAX_CELLS_PER_SHAPE = 256;

  private final int size;
  private final double[] bounds; // minX minY maxX maxY per label
  private final int[][] cells = new int[GRID * GRID][];
  private final int[] cellCounts = new int[GRID * GRID];
  private final int[] large;
  private final int[] stamps;
  private int stamp;

  public ShapeIndex(List<Label> labels) {
    size = labels.size();
    bounds = new double[size * 4];
    stamps = new int[size];
    int[] largeList = new int[8];
    int largeCount = 0;
    for (int i = 0; i < size; i++) {
      double[] b = Bounds.of(labels.get(i));
      if (b == null) {
        bounds[i * 4] = 0;
        bounds[i * 4 + 1] = 0;
        bounds[i * 4 + 2] = 1;
        bounds[i * 4 + 3] = 1;
      } else {
        System.arraycopy(b, 0, bounds, i * 4, 4);
      }
      int x0 = cell(bounds[i * 4]), y0 = cell(bounds[i * 4 + 1]);
      int x1 = cell(bounds[i * 4 + 2]), y1 = cell(bounds[i * 4 + 3]);
      if (b == null || (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS_PER_SHAPE) {
        if (largeCount == largeList.length) {
          largeList = Arrays.copyOf(largeList, largeCount * 2);
        }
        largeList[largeCount++] = i;
        continue;
      }
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          add(y * GRID + x, i);
        }
      }
    }
    large = Arrays.copyOf(largeList, largeCount);
  }

  private static int cell(double v) {
    int c = (int) Math.floor(v * GRID);
    return c < 0 ? 0 : c >= GRID ? GRID - 1 : c;
  }

  private void add(int cell, int index) {
    int[] list = cells[cell];
    if (list == null) {
      list = cells[cell] = new int[4];
    } else if (cellCounts[cell] == list.length) {
      list = cells[cell] = Arrays.copyOf(list, list.length * 2);
    }
    list[cellCounts[cell]++] = index;
  }

  public int size() {
    return size;
  }

  /** Bounds of label i: {minX, minY, maxX, maxY} (the whole image for image classes). */
  public double minX(int i) {
    return bounds[i * 4];
  }

  public double minY(int i) {
    return bounds[i * 4 + 1];
  }

  public double maxX(int i) {
    return bounds[i * 4 + 2];
  }

  public double maxY(int i) {
    return bounds[i * 4 + 3];
  }

  /**
   * The labels whose bounds meet the normalized rectangle, in drawing order (ascending index). Not
   * thread-safe (a query reuses scratch arrays).
   */
  public int[] query(double minX, double minY, double maxX, double maxY) {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(stamps, 0);
      stamp = 1;
    }
    int[] out = new int[16];
    int n = 0;
    for (int i : large) {
      if (meets(i, minX, minY, maxX, maxY)) {
        stamps[i] = stamp;
        out = grow(out, n);
        out[n++] = i;
      }
    }
    if (maxX >= 0 && maxY >= 0 && minX <= 1 && minY <= 1) {
      int x0 = cell(minX), y0 = cell(minY), x1 = cell(maxX), y1 = cell(maxY);
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          int c = y * GRID + x;
          int[] list = cells[c];
          for (int j = 0, count = cellCounts[c]; j < count; j++) {
            int i = list[j];
            if (stamps[i] != stamp) {
              stamps[i] = stamp;
              if (meets(i, minX, minY, maxX, maxY)) {
                out = grow(out, n);
                out[n++] = i;
              }
            }
          }
        }
      }
    }
    int[] result = Arrays.copyOf(out, n);
    Arrays.sort(result);
    return result;
  }

  private boolean meets(int i, double minX, double minY, double maxX, double maxY) {
    return bounds[i * 4] <= maxX && bounds[i * 4 + 2] >= minX && bounds[i * 4 + 1] <= maxY && bounds[i * 4 + 3] >= minY;
  }

  private static int[] grow(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }
}
