package dev.loupe.core.inference.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * Outer contours of a binary mask, as OpenCV's {@code findContours(RETR_EXTERNAL,
 * CHAIN_APPROX_SIMPLE)} finds them (Suzuki-Abe border following, 8-connected objects): one contour
 * per object that is not inside a hole of another, starting at its top-left pixel and running down
 * its left side, with only the pixels where the direction changes.
 */
public final class ContourTracer {
  private static final byte BACKGROUND = 0;
  private static final byte OBJECT = 1;
  private static final byte OUTSIDE = 2;
  private static final byte TRACED = 3;

  private ContourTracer() {}

  /**
   * Returns the contours of {@code mask} (row-major, {@code width x height}), each as pixel
   * coordinates x0,y0,x1,y1,... in the order OpenCV gives them within a contour, contours in raster
   * order of their first pixel.
   */
  public static List<int[]> outerContours(boolean[] mask, int width, int height) {
    if (mask.length != width * height) {
      throw new IllegalArgumentException("mask of " + mask.length + " pixels is not " + width + "x" + height);
    }
    int stride = width + 2;
    byte[] img = new byte[stride * (height + 2)]; // one pixel of background around the mask
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        if (mask[y * width + x]) {
          img[(y + 1) * stride + x + 1] = OBJECT;
        }
      }
    }
    int[] stack = new int[img.length];
    markOutside(img, stride, stack);
    int[] deltas = {1, -stride + 1, -stride, -stride - 1, -1, stride - 1, stride, stride + 1};
    List<int[]> contours = new ArrayList<>();
    for (int y = 1; y <= height; y++) {
      for (int p = y * stride + 1, end = y * stride + width; p <= end; p++) {
        if (img[p] == OBJECT && img[p - 1] == OUTSIDE) {
          contours.add(trace(img, p, stride, deltas));
          markObject(img, p, deltas, stack);
        }
      }
    }
    return contours;
  }

  /** Background reachable from the frame through 4-connected background. */
  private static void markOutside(byte[] img, int stride, int[] stack) {
    int top = 0;
    img[0] = OUTSIDE;
    stack[top++] = 0;
    int[] steps = {1, -1, stride, -stride};
    while (top > 0) {
      int p = stack[--top];
      for (int step : steps) {
        int q = p + step;
        if (q >= 0 && q < img.length && img[q] == BACKGROUND && !wraps(p, q, stride)) {
          img[q] = OUTSIDE;
          stack[top++] = q;
        }
      }
    }
  }

  private static boolean wraps(int p, int q, int stride) {
    return Math.abs(q - p) == 1 && p / stride != q / stride;
  }

  /** Marks the 8-connected object at {@code start} as traced. */
  private static void markObject(byte[] img, int start, int[] deltas, int[] stack) {
    int top = 0;
    img[start] = TRACED;
    stack[top++] = start;
    while (top > 0) {
      int p = stack[--top];
      for (int delta : deltas) {
        int q = p + delta;
        if (img[q] == OBJECT) {
          img[q] = TRACED;
          stack[top++] = q;
        }
      }
    }
  }

  private static boolean isObject(byte value) {
    return value == OBJECT || value == TRACED;
  }

  /** Follows the outer border that starts at {@code start} (its left neighbour is background). */
  private static int[] trace(byte[] img, int start, int stride, int[] deltas) {
    IntList points = new IntList();
    int s = 4;
    int next;
    do {
      s = (s - 1) & 7;
      next = start + deltas[s];
    } while (!isObject(img[next]) && s != 4);
    if (!isObject(img[next])) { // a single pixel
      points.add(start % stride - 1, start / stride - 1);
      return points.toArray();
    }
    int second = next;
    int current = start;
    int previousDirection = s ^ 4;
    while (true) {
      int candidate;
      do {
        s = (s + 1) & 7;
        candidate = current + deltas[s];
      } while (!isObject(img[candidate]));
      if (s != previousDirection) {
        points.add(current % stride - 1, current / stride - 1);
      }
      previousDirection = s;
      if (candidate == start && current == second) {
        break;
      }
      current = candidate;
      s = (s + 4) & 7;
    }
    return points.toArray();
  }

  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void add(int x, int y) {
      if (size + 2 > values.length) {
        values = java.util.Arrays.copyOf(values, values.length * 2);
      }
      values[size++] = x;
      values[size++] = y;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
