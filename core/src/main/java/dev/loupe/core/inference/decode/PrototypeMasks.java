package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.Tensor;
import java.util.Arrays;

/**
 * Instance masks from prototypes, as Ultralytics' {@code process_mask(..., upsample=True)}: the
 * coefficients times the prototypes (logits, no sigmoid), cropped to the box at prototype scale,
 * upsampled bilinearly (align_corners false, as {@code F.interpolate}) to the input size, and
 * thresholded at 0. Only the pixels that the box can reach are computed.
 */
final class PrototypeMasks {
  /** Below this many detections Ultralytics crops with rounded box edges, from it on with exact ones. */
  static final int ROUNDED_CROP_BELOW = 50;

  /** A mask in input pixels: the pixels of {@code width x height} at {@code x, y}. */
  record Region(int x, int y, int width, int height, boolean[] pixels) {
    static final Region EMPTY = new Region(0, 0, 0, 0, new boolean[0]);
  }

  private final float[] protos;
  private final int channels;
  private final int protoH;
  private final int protoW;
  private final int inputH;
  private final int inputW;
  // bilinear taps per output column and row
  private final int[] x0;
  private final int[] x1;
  private final float[] wx1;
  private final int[] y0;
  private final int[] y1;
  private final float[] wy1;

  PrototypeMasks(Tensor prototypes, int inputH, int inputW) {
    if (prototypes.rank() != 4 || prototypes.dim(0) != 1) {
      throw new IllegalArgumentException(
          "mask prototypes must be (1, masks, h, w), got " + Arrays.toString(prototypes.shape()));
    }
    this.protos = prototypes.data();
    this.channels = prototypes.dim(1);
    this.protoH = prototypes.dim(2);
    this.protoW = prototypes.dim(3);
    this.inputH = inputH;
    this.inputW = inputW;
    this.x0 = new int[inputW];
    this.x1 = new int[inputW];
    this.wx1 = new float[inputW];
    taps(protoW, inputW, x0, x1, wx1);
    this.y0 = new int[inputH];
    this.y1 = new int[inputH];
    this.wy1 = new float[inputH];
    taps(protoH, inputH, y0, y1, wy1);
  }

  int channels() {
    return channels;
  }

  /** PyTorch's source index of linear interpolation, align_corners false, in float as on the CPU. */
  private static void taps(int in, int out, int[] lo, int[] hi, float[] weightHi) {
    float scale = (float) in / out;
    for (int i = 0; i < out; i++) {
      float src = Math.max(scale * (i + 0.5f) - 0.5f, 0f);
      int l = (int) src;
      lo[i] = l;
      hi[i] = l < in - 1 ? l + 1 : l;
      weightHi[i] = src - l;
    }
  }

  /**
   * The mask of one detection.
   *
   * @param coefficients the detection's mask coefficients
   * @param box x1,y1,x2,y2 in input pixels
   * @param roundedCrop crop with rounded box edges (Ultralytics does below 50 detections)
   */
  Region mask(double[] coefficients, double[] box, boolean roundedCrop) {
    double rw = (double) protoW / inputW;
    double rh = (double) protoH / inputH;
    int cx1;
    int cy1;
    int cx2;
    int cy2;
    if (roundedCrop) {
      cx1 = (int) Math.rint(Math.max(box[0] * rw, 0));
      cy1 = (int) Math.rint(Math.max(box[1] * rh, 0));
      cx2 = (int) Math.rint(Math.max(box[2] * rw, 0));
      cy2 = (int) Math.rint(Math.max(box[3] * rh, 0));
    } else {
      cx1 = (int) Math.ceil(box[0] * rw);
      cy1 = (int) Math.ceil(box[1] * rh);
      cx2 = (int) Math.ceil(box[2] * rw);
      cy2 = (int) Math.ceil(box[3] * rh);
    }
    cx1 = Math.max(cx1, 0);
    cy1 = Math.max(cy1, 0);
    cx2 = Math.min(cx2, protoW);
    cy2 = Math.min(cy2, protoH);
    if (cx1 >= cx2 || cy1 >= cy2) {
      return Region.EMPTY;
    }
    // logits inside the crop, with one row and column of zeros around for the bilinear taps
    int cw = cx2 - cx1 + 2;
    int ch = cy2 - cy1 + 2;
    float[] logits = new float[cw * ch];
    int plane = protoH * protoW;
    for (int k = 0; k < channels; k++) {
      float c = (float) coefficients[k];
      int base = k * plane;
      for (int py = cy1; py < cy2; py++) {
        int src = base + py * protoW;
        int dst = (py - cy1 + 1) * cw + 1 - cx1;
        for (int px = cx1; px < cx2; px++) {
          logits[dst + px] += c * protos[src + px];
        }
      }
    }
    int ox1 = first(x1, cx1);
    int ox2 = last(x0, cx2);
    int oy1 = first(y1, cy1);
    int oy2 = last(y0, cy2);
    if (ox1 > ox2 || oy1 > oy2) {
      return Region.EMPTY;
    }
    int width = ox2 - ox1 + 1;
    int height = oy2 - oy1 + 1;
    boolean[] pixels = new boolean[width * height];
    int[] colA = new int[width];
    int[] colB = new int[width];
    for (int ox = ox1; ox <= ox2; ox++) {
      colA[ox - ox1] = row(x0[ox], cx1, cx2);
      colB[ox - ox1] = row(x1[ox], cx1, cx2);
    }
    for (int oy = oy1; oy <= oy2; oy++) {
      int ra = row(y0[oy], cy1, cy2) * cw;
      int rb = row(y1[oy], cy1, cy2) * cw;
      float wb = wy1[oy];
      float wa = 1f - wb;
      int out = (oy - oy1) * width;
      for (int i = 0; i < width; i++) {
        int ca = colA[i];
        int cb = colB[i];
        float vb = wx1[ox1 + i];
        float va = 1f - vb;
        float value =
            wa * (va * logits[ra + ca] + vb * logits[ra + cb]) + wb * (va * logits[rb + ca] + vb * logits[rb + cb]);
        pixels[out + i] = value > 0f;
      }
    }
    return new Region(ox1, oy1, width, height, pixels);
  }

  /** Index into the padded crop: 0 and the last index hold zeros for taps outside the crop. */
  private static int row(int tap, int from, int to) {
    if (tap < from) {
      return 0;
    }
    if (tap >= to) {
      return to - from + 1;
    }
    return tap - from + 1;
  }

  /** First output index whose upper tap reaches {@code from}. */
  private static int first(int[] hi, int from) {
    int i = 0;
    while (i < hi.length && hi[i] < from) {
      i++;
    }
    return i;
  }

  /** Last output index whose lower tap is before {@code to}. */
  private static int last(int[] lo, int to) {
    int i = lo.length - 1;
    while (i >= 0 && lo[i] >= to) {
      i--;
    }
    return i;
  }

  int inputH() {
    return inputH;
  }

  int inputW() {
    return inputW;
  }
}
