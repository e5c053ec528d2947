package dev.loupe.core.domain;

import java.util.Locale;

/** Who may see a dataset on the platform; kept locally so that sync can carry it. */
public enum Visibility {
  PRIVATE,
  PUBLIC;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Visibility parse(String value) {
    if ("public".equalsIgnoreCase(value)) {
      return PUBLIC;
    }
    if ("private".equalsIgnoreCase(value)) {
      return PRIVATE;
    }
    throw new IllegalArgumentException("unknown visibility '" + value + "' (valid: private, public)");
  }
}
