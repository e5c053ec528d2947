package dev.loupe.core.map;

/**
 * UMAP's a and b: the curve {@code 1 / (1 + a * d^(2b))} fitted by least squares (Levenberg-Marquardt,
 * from a = b = 1, as umap-learn's call to scipy's curve_fit) to 1 below {@code minDist} and
 * {@code exp(-(d - minDist) / spread)} above, on 300 points from 0 to {@code 3 * spread}.
 */
record CurveFit(double a, double b) {
  private static final int SAMPLES = 300;

  static CurveFit of(double minDist, double spread) {
    double[] x = new double[SAMPLES];
    double[] y = new double[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      x[i] = 3 * spread * i / (SAMPLES - 1);
      y[i] = x[i] < minDist ? 1 : Math.exp(-(x[i] - minDist) / spread);
    }
    double a = 1;
    double b = 1;
    double lambda = 1e-3;
    double cost = cost(x, y, a, b);
    for (int iteration = 0; iteration < 200; iteration++) {
      double jaa = 0;
      double jab = 0;
      double jbb = 0;
      double ga = 0;
      double gb = 0;
      for (int i = 0; i < SAMPLES; i++) {
        if (x[i] == 0) {
          continue;
        }
        double u = Math.pow(x[i], 2 * b);
        double g = 1 / (1 + a * u);
        double r = g - y[i];
        double da = -u * g * g;
        double db = -a * u * 2 * Math.log(x[i]) * g * g;
        jaa += da * da;
        jab += da * db;
        jbb += db * db;
        ga += da * r;
        gb += db * r;
      }
      boolean improved = false;
      while (lambda < 1e12) {
        double maa = jaa * (1 + lambda);
        double mbb = jbb * (1 + lambda);
        double det = maa * mbb - jab * jab;
        double stepA = -(mbb * ga - jab * gb) / det;
        double stepB = -(maa * gb - jab * ga) / det;
        double next = cost(x, y, a + stepA, b + stepB);
        if (next < cost) {
          boolean converged = cost - next < 1e-15 * Math.max(1, cost);
          a += stepA;
          b += stepB;
          cost = next;
          lambda = Math.max(1e-9, lambda / 10);
          improved = !converged;
          break;
        }
        lambda *= 10;
      }
      if (!improved) {
        break;
      }
    }
    return new CurveFit(a, b);
  }

  private static double cost(double[] x, double[] y, double a, double b) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = 1 / (1 + a * Math.pow(x[i], 2 * b)) - y[i];
      s += r * r;
    }
    return s;
  }
}
