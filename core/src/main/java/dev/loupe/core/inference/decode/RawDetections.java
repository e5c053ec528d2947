package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;
import dev.loupe.core.inference.Tensor;
import java.util.Arrays;
import java.util.Set;

/**
 * The rows of a detection-style output (detect, segment, pose, obb) that pass the confidence
 * filter, the class filter, suppression and max_det, in input pixels, highest score first, as
 * Ultralytics' {@code non_max_suppression} leaves them. Extra values of a row (mask coefficients,
 * keypoints, the angle) are read back from the output through {@link #extra}.
 */
final class RawDetections {
  /** Most candidates that go into suppression (Ultralytics' max_nms). */
  static final int MAX_NMS = 30000;
  /** Class offset of class-aware suppression (Ultralytics' max_wh). */
  static final double CLASS_OFFSET = 7680;

  /** How the four box values are read and suppressed. */
  enum Geometry {
    /** cx,cy,w,h in a classic output, x1,y1,x2,y2 end-to-end; kept as x1,y1,x2,y2, IoU NMS */
    BOX,
    /** cx,cy,w,h with the angle as first extra; kept as cx,cy,w,h, probiou Fast-NMS */
    ROTATED
  }

  final int count;
  /** x1,y1,x2,y2 (BOX) or cx,cy,w,h (ROTATED) per row */
  final double[] box;
  final double[] score;
  final int[] cls;
  final boolean endToEnd;
  private final int[] source;
  private final float[] data;
  private final int extraOffset;
  private final int rowStride;
  private final int extraStride;

  private RawDetections(
      int count,
      double[] box,
      double[] score,
      int[] cls,
      int[] source,
      boolean endToEnd,
      float[] data,
      int extraOffset,
      int rowStride,
      int extraStride) {
    this.count = count;
    this.box = box;
    this.score = score;
    this.cls = cls;
    this.source = source;
    this.endToEnd = endToEnd;
    this.data = data;
    this.extraOffset = extraOffset;
    this.rowStride = rowStride;
    this.extraStride = extraStride;
  }

  /** Extra value {@code k} (0-based, after the class scores) of kept row {@code row}. */
  double extra(int row, int k) {
    return data[extraOffset + source[row] * rowStride + k * extraStride];
  }

  /**
   * Decodes {@code output}: classic (1, 4+nc+extra, anchors) or end-to-end (1, rows, 6+extra), the
   * layout told by the shape, and by the model's end-to-end flag where both would fit.
   */
  static RawDetections decode(
      Tensor output,
      ModelInfo model,
      PredictOptions options,
      int extra,
      Geometry geometry,
      boolean multiLabel,
      String task) {
    int nc = model.names().size();
    boolean rank3 = output.rank() == 3 && output.dim(0) == 1;
    boolean fitsClassic = rank3 && (nc > 0 ? output.dim(1) == 4 + nc + extra : output.dim(1) > 4 + extra);
    boolean fitsEndToEnd = rank3 && output.dim(2) == 6 + extra;
    if (!fitsClassic && !fitsEndToEnd) {
      throw new IllegalArgumentException(
          "model output of shape "
              + Arrays.toString(output.shape())
              + " does not fit a "
              + task
              + " model with "
              + (nc > 0 ? nc + " classes" : "unknown classes")
              + (extra > 0 ? " and " + extra + " extra values" : "")
              + ": expected (1, "
              + (nc > 0 ? String.valueOf(4 + nc + extra) : "4+nc+" + extra)
              + ", anchors) or end-to-end (1, rows, "
              + (6 + extra)
              + ")");
    }
    if (fitsEndToEnd && (model.endToEnd() || !fitsClassic)) {
      return endToEnd(output, options);
    }
    return classic(output, options, extra, geometry, multiLabel);
  }

  private static RawDetections endToEnd(Tensor output, PredictOptions options) {
    float[] d = output.data();
    int rows = output.dim(1);
    int width = output.dim(2);
    Set<Integer> classes = options.classes();
    int limit = Math.min(rows, options.maxDet());
    double[] box = new double[4 * limit];
    double[] score = new double[limit];
    int[] cls = new int[limit];
    int[] source = new int[limit];
    int n = 0;
    for (int r = 0; r < rows && n < limit; r++) {
      int base = r * width;
      double s = d[base + 4];
      if (!(s > options.conf())) {
        continue;
      }
      int c = (int) d[base + 5];
      if (!classes.isEmpty() && !classes.contains(c)) {
        continue;
      }
      for (int k = 0; k < 4; k++) {
        box[4 * n + k] = d[base + k];
      }
      score[n] = s;
      cls[n] = c;
      source[n] = r;
      n++;
    }
    return new RawDetections(n, box, score, cls, source, true, d, 6, width, 1);
  }

  private static RawDetections classic(
      Tensor output, PredictOptions options, int extra, Geometry geometry, boolean multiLabel) {
    float[] d = output.data();
    int anchors = output.dim(2);
    int nc = output.dim(1) - 4 - extra;
    double conf = options.conf();
    Set<Integer> classes = options.classes();

    // best score per anchor, read class-major so the memory is walked in order (a branch-free max,
    // two class rows per pass: half the loads and stores of best); which class holds it is
    // looked up only for the anchors that pass conf
    float[] best = new float[anchors];
    System.arraycopy(d, 4 * anchors, best, 0, anchors);
    int row = 1;
    for (; row + 1 < nc; row += 2) {
      int base = (4 + row) * anchors;
      int next = base + anchors;
      for (int a = 0; a < anchors; a++) {
        best[a] = Math.max(best[a], Math.max(d[base + a], d[next + a]));
      }
    }
    if (row < nc) {
      int base = (4 + row) * anchors;
      for (int a = 0; a < anchors; a++) {
        best[a] = Math.max(best[a], d[base + a]);
      }
    }

    Rows rows = new Rows(64);
    for (int a = 0; a < anchors; a++) {
      if (!(best[a] > conf)) {
        continue;
      }
      if (multiLabel && nc > 1) {
        for (int c = 0; c < nc; c++) {
          float v = d[(4 + c) * anchors + a];
          if (v > conf && (classes.isEmpty() || classes.contains(c))) {
            rows.add(a, c, v);
          }
        }
      } else {
        int c = firstClassScoring(d, a, anchors, nc, best[a]);
        if (classes.isEmpty() || classes.contains(c)) {
          rows.add(a, c, best[a]);
        }
      }
    }
    if (rows.size > MAX_NMS) {
      rows.keep(Arrays.copyOf(ScoreOrder.descending(rows.score, rows.size), MAX_NMS));
    }

    int n = rows.size;
    double offset = options.agnostic() ? 0 : CLASS_OFFSET;
    int[] kept;
    double[] candidate;
    if (geometry == Geometry.BOX) {
      candidate = new double[4 * n];
      for (int i = 0; i < n; i++) {
        int a = rows.anchor[i];
        double cx = d[a];
        double cy = d[anchors + a];
        double hw = d[2 * anchors + a] / 2.0;
        double hh = d[3 * anchors + a] / 2.0;
        candidate[4 * i] = cx - hw;
        candidate[4 * i + 1] = cy - hh;
        candidate[4 * i + 2] = cx + hw;
        candidate[4 * i + 3] = cy + hh;
      }
      double[] shifted = new double[4 * n];
      for (int i = 0; i < n; i++) {
        double shift = rows.cls[i] * offset;
        for (int k = 0; k < 4; k++) {
          shifted[4 * i + k] = candidate[4 * i + k] + shift;
        }
      }
      kept = BoxNms.run(shifted, rows.score, n, options.iou(), options.maxDet());
    } else {
      candidate = new double[4 * n];
      double[] shifted = new double[5 * n];
      int angleChannel = (4 + nc) * anchors;
      for (int i = 0; i < n; i++) {
        int a = rows.anchor[i];
        double shift = rows.cls[i] * offset;
        for (int k = 0; k < 4; k++) {
          candidate[4 * i + k] = d[k * anchors + a];
        }
        shifted[5 * i] = candidate[4 * i] + shift;
        shifted[5 * i + 1] = candidate[4 * i + 1] + shift;
        shifted[5 * i + 2] = candidate[4 * i + 2];
        shifted[5 * i + 3] = candidate[4 * i + 3];
        shifted[5 * i + 4] = d[angleChannel + a];
      }
      kept = RotatedNms.run(shifted, rows.score, n, options.iou(), options.maxDet());
    }

    int m = kept.length;
    double[] box = new double[4 * m];
    double[] score = new double[m];
    int[] cls = new int[m];
    int[] source = new int[m];
    for (int r = 0; r < m; r++) {
      int i = kept[r];
      System.arraycopy(candidate, 4 * i, box, 4 * r, 4);
      score[r] = rows.score[i];
      cls[r] = rows.cls[i];
      source[r] = rows.anchor[i];
    }
    return new RawDetections(m, box, score, cls, source, false, d, (4 + nc) * anchors, 1, anchors);
  }

  /** The lowest class whose score at {@code anchor} is {@code score} (torch's argmax on ties). */
  private static int firstClassScoring(float[] d, int anchor, int anchors, int nc, float score) {
    for (int c = 0; c < nc; c++) {
      if (d[(4 + c) * anchors + anchor] == score) {
        return c;
      }
    }
    return 0;
  }

  /** Growable candidate rows: anchor, class, score. */
  private static final class Rows {
    int size;
    int[] anchor;
    int[] cls;
    double[] score;

    Rows(int capacity) {
      anchor = new int[capacity];
      cls = new int[capacity];
      score = new double[capacity];
    }

    void add(int a, int c, double s) {
      if (size == anchor.length) {
        anchor = Arrays.copyOf(anchor, size * 2);
        cls = Arrays.copyOf(cls, size * 2);
        score = Arrays.copyOf(score, size * 2);
      }
      anchor[size] = a;
      cls[size] = c;
      score[size] = s;
      size++;
    }

    void keep(int[] indices) {
      int[] a = new int[indices.length];
      int[] c = new int[indices.length];
      double[] s = new double[indices.length];
      for (int i = 0; i < indices.length; i++) {
        a[i] = anchor[indices[i]];
        c[i] = cls[indices[i]];
        s[i] = score[indices[i]];
      }
      anchor = a;
      cls = c;
      score = s;
      size = indices.length;
    }
  }
}
