package dev.loupe.core.domain;

import java.util.Locale;

/** The split an image belongs to. */
public enum Split {
  TRAIN,
  VAL,
  TEST;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code train}, {@code val} (also {@code valid}, {@code validation}) and {@code test}. */
  public static Split parse(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    switch (v) {
      case "train":
        return TRAIN;
      case "val":
      case "valid":
      case "validation":
        return VAL;
      case "test":
        return TEST;
      default:
        throw new IllegalArgumentException(
            "unknown split '" + value + "' (valid: train, val, test)");
    }
  }
}
