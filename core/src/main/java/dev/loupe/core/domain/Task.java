package dev.loupe.core.domain;

import java.util.Locale;

/** The kind of annotation a dataset holds, named as the platform API names it. */
public enum Task {
  DETECT,
  SEGMENT,
  SEMANTIC,
  CLASSIFY,
  POSE,
  OBB;

  /** The API spelling: {@code detect}, {@code segment}, ... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the API spelling, case-insensitively; throws with the valid values listed. */
  public static Task parse(String value) {
    if (value != null) {
      for (Task task : values()) {
        if (task.apiName().equalsIgnoreCase(value.trim())) {
          return task;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown task '" + value + "' (valid: detect, segment, semantic, classify, pose, obb)");
  }
}
