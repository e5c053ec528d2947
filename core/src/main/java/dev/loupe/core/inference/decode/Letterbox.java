package dev.loupe.core.inference.decode;

import dev.loupe.core.inference.DecodeContext;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.inference.PredictOptions;

/**
 * The way back from input pixels to original-image pixels, as Ultralytics' {@code scale_boxes}
 * (boxes: the rounded pad of the context) and {@code scale_coords} (keypoints and polygon points:
 * the pad not rounded) go.
 */
public final class Letterbox {
  private final double gain;
  private final double boxPadX;
  private final double boxPadY;
  private final double pointPadX;
  private final double pointPadY;
  private final int origW;
  private final int origH;

  public Letterbox(DecodeContext context) {
    this.gain = context.gain();
    this.boxPadX = context.padX();
    this.boxPadY = context.padY();
    this.pointPadX = (context.inputW() - Math.rint(context.origW() * gain)) / 2.0;
    this.pointPadY = (context.inputH() - Math.rint(context.origH() * gain)) / 2.0;
    this.origW = context.origW();
    this.origH = context.origH();
  }

  /**
   * The decode context of an image of {@code origW x origH} letterboxed into {@code inputW x
   * inputH} as Ultralytics' LetterBox does it: gain = min(inputH / origH, inputW / origW), the
   * image resized to round(orig * gain) and centred with left = round(dw / 2 - 0.1), Python's
   * rounding (half to even).
   */
  public static DecodeContext context(
      ModelInfo model, PredictOptions options, int inputH, int inputW, int origH, int origW) {
    if (inputH < 1 || inputW < 1 || origH < 1 || origW < 1) {
      throw new IllegalArgumentException(
          "image sizes must be positive, got input " + inputW + "x" + inputH + ", image " + origW + "x" + origH);
    }
    double gain = Math.min((double) inputH / origH, (double) inputW / origW);
    double padX = Math.rint((inputW - Math.rint(origW * gain)) / 2.0 - 0.1);
    double padY = Math.rint((inputH - Math.rint(origH * gain)) / 2.0 - 0.1);
    return new DecodeContext(model, options, inputH, inputW, origH, origW, gain, padX, padY);
  }

  /** An x of a box edge in original pixels, clipped to 0..width. */
  public double boxX(double x) {
    return clip((x - boxPadX) / gain, origW);
  }

  public double boxY(double y) {
    return clip((y - boxPadY) / gain, origH);
  }

  /** A box centre x that is not clipped (rotated boxes). */
  public double centreX(double x) {
    return (x - boxPadX) / gain;
  }

  public double centreY(double y) {
    return (y - boxPadY) / gain;
  }

  /** A length (width or height) in original pixels. */
  public double length(double value) {
    return value / gain;
  }

  /** An x of a keypoint or polygon point, clipped to 0..width. */
  public double pointX(double x) {
    return clip((x - pointPadX) / gain, origW);
  }

  public double pointY(double y) {
    return clip((y - pointPadY) / gain, origH);
  }

  public int width() {
    return origW;
  }

  public int height() {
    return origH;
  }

  private static double clip(double value, int max) {
    return value < 0 ? 0 : Math.min(value, max);
  }
}
