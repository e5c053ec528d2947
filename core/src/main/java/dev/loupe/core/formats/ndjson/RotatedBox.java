package dev.loupe.core.formats.ndjson;

/** Geometry for NDJSON's short row forms: a rotated box to corners, keypoints to their box. */
final class RotatedBox {
  private RotatedBox() {}

  /**
   * The four corners of a rotated box, as Ultralytics' {@code xywhr2xyxyxyxy} orders them. The box is
   * rotated in pixels when the image size is known (a right angle stays right on a non-square image),
   * else in normalized coordinates.
   */
  static double[] corners(double cx, double cy, double w, double h, double angle, int width, int height) {
    double sx = width > 0 && height > 0 ? width : 1;
    double sy = width > 0 && height > 0 ? height : 1;
    double pcx = cx * sx;
    double pcy = cy * sy;
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double v1x = w * sx / 2 * cos;
    double v1y = w * sx / 2 * sin;
    double v2x = -h * sy / 2 * sin;
    double v2y = h * sy / 2 * cos;
    return new double[] {
      (pcx + v1x + v2x) / sx, (pcy + v1y + v2y) / sy,
      (pcx + v1x - v2x) / sx, (pcy + v1y - v2y) / sy,
      (pcx - v1x - v2x) / sx, (pcy - v1y - v2y) / sy,
      (pcx - v1x + v2x) / sx, (pcy - v1y + v2y) / sy
    };
  }

  /**
   * The box {@code cx cy w h} around the labeled keypoints (visibility > 0, or not at 0,0 without a
   * visibility column); all zeros when none is labeled.
   */
  static double[] boundsOfLabeled(double[] keypoints, int dims) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i + dims <= keypoints.length; i += dims) {
      double x = keypoints[i];
      double y = keypoints[i + 1];
      boolean labeled = dims == 3 ? keypoints[i + 2] > 0 : x != 0 || y != 0;
      if (labeled) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    if (minX > maxX) {
      return new double[4];
    }
    return new double[] {(minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY};
  }
}
