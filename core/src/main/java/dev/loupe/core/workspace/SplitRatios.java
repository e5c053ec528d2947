package dev.loupe.core.workspace;

/** Target shares of train, val and test for a split redistribution; they need not sum to 1. */
public record SplitRatios(double train, double val, double test) {
  public SplitRatios {
    if (train < 0 || val < 0 || test < 0 || train + val + test <= 0) {
      throw new IllegalArgumentException(
          "split ratios must be non-negative and not all zero, got " + train + "/" + val + "/" + test);
    }
  }

  /** Parses {@code 0.8,0.1,0.1} or {@code 80/10/10}. */
  public static SplitRatios parse(String text) {
    String[] parts = text.trim().split("[,/:\\s]+");
    if (parts.length < 2 || parts.length > 3) {
      throw new IllegalArgumentException("ratios look like 0.8,0.2 or 0.8,0.1,0.1; got '" + text + "'");
    }
    try {
      double train = Double.parseDouble(parts[0]);
      double val = Double.parseDouble(parts[1]);
      double test = parts.length == 3 ? Double.parseDouble(parts[2]) : 0;
      return new SplitRatios(train, val, test);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ratios must be numbers, got '" + text + "'", e);
    }
  }
}
