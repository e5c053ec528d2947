package dev.loupe.core.inference.decode;

/** Rotated boxes (cx, cy, w, h, angle in radians) as Ultralytics regularizes and draws them. */
public final class RotatedBoxes {
  private RotatedBoxes() {}

  /**
   * Regularizes in place: where h >= w the sides are swapped and the angle turned by pi/2; the
   * angle is then taken modulo pi into [0, pi).
   */
  public static void regularize(double[] box) {
    double w = box[2];
    double h = box[3];
    double angle = box[4];
    if (!(w > h)) {
      box[2] = h;
      box[3] = w;
      angle += Math.PI / 2;
    }
    double mod = angle - Math.floor(angle / Math.PI) * Math.PI; // Python's % for a positive divisor
    box[4] = mod >= Math.PI ? mod - Math.PI : mod;
  }

  /**
   * The four corners x1,y1,...,x4,y4 in Ultralytics' order (centre + u + v, + u - v, - u - v,
   * - u + v with u the half width along the angle and v the half height across it).
   */
  public static double[] corners(double[] box) {
    double cos = Math.cos(box[4]);
    double sin = Math.sin(box[4]);
    double ux = box[2] / 2 * cos;
    double uy = box[2] / 2 * sin;
    double vx = -box[3] / 2 * sin;
    double vy = box[3] / 2 * cos;
    double cx = box[0];
    double cy = box[1];
    return new double[] {
      cx + ux + vx, cy + uy + vy,
      cx + ux - vx, cy + uy - vy,
      cx - ux - vx, cy - uy - vy,
      cx - ux + vx, cy - uy + vy
    };
  }
}
