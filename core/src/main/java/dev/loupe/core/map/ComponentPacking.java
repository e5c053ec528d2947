package dev.loupe.core.map;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Places separately laid out components side by side: each is scaled so that its area grows with
 * its number of points (the largest keeps its own scale), then they are put in rows, largest first,
 * with a gap of a twentieth of the largest one's side between them.
 */
final class ComponentPacking {
  private ComponentPacking() {}

  static Layout pack(float[] embedding, Components components) {
    int n = embedding.length / 2;
    float[] x = new float[n];
    float[] y = new float[n];
    int count = components.count();
    if (count == 1) {
      for (int i = 0; i < n; i++) {
        x[i] = embedding[2 * i];
        y[i] = embedding[2 * i + 1];
      }
      return new Layout(x, y);
    }
    double[][] boxes = new double[count][];
    for (int c = 0; c < count; c++) {
      boxes[c] = box(embedding, components, c);
    }
    Integer[] order = new Integer[count];
    for (int c = 0; c < count; c++) {
      order[c] = c;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer c) -> -components.size(c)).thenComparingInt(c -> c));
    int largest = order[0];
    double largestSide = Math.max(1e-6, side(boxes[largest]));
    double unit = largestSide / Math.sqrt(components.size(largest));
    double gap = largestSide / 20;
    double[] scale = new double[count];
    double area = 0;
    for (int c = 0; c < count; c++) {
      scale[c] = unit * Math.sqrt(components.size(c)) / Math.max(1e-6, side(boxes[c]));
      area += (width(boxes[c]) * scale[c] + gap) * (height(boxes[c]) * scale[c] + gap);
    }
    double rowWidth = Math.max(width(boxes[largest]) * scale[largest], Math.sqrt(area));
    double left = 0;
    double top = 0;
    double rowHeight = 0;
    for (int c : order) {
      double w = width(boxes[c]) * scale[c];
      double h = height(boxes[c]) * scale[c];
      if (left > 0 && left + w > rowWidth) {
        left = 0;
        top += rowHeight + gap;
        rowHeight = 0;
      }
      for (int s = components.start(c), end = s + components.size(c); s < end; s++) {
        int i = components.members()[s];
        x[i] = (float) (left + (embedding[2 * i] - boxes[c][0]) * scale[c]);
        y[i] = (float) (top + (embedding[2 * i + 1] - boxes[c][1]) * scale[c]);
      }
      left += w + gap;
      rowHeight = Math.max(rowHeight, h);
    }
    return new Layout(x, y);
  }

  /** minX, minY, maxX, maxY of component {@code c}. */
  private static double[] box(float[] embedding, Components components, int c) {
    double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY};
    for (int s = components.start(c), end = s + components.size(c); s < end; s++) {
      int i = components.members()[s];
      b[0] = Math.min(b[0], embedding[2 * i]);
      b[1] = Math.min(b[1], embedding[2 * i + 1]);
      b[2] = Math.max(b[2], embedding[2 * i]);
      b[3] = Math.max(b[3], embedding[2 * i + 1]);
    }
    return b;
  }

  private static double width(double[] box) {
    return box[2] - box[0];
  }

  private static double height(double[] box) {
    return box[3] - box[1];
  }

  private static double side(double[] box) {
    return Math.max(width(box), height(box));
  }
}
