package dev.loupe.core.sync;

import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.YoloRows;
import dev.loupe.core.workspace.ContentStore;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The fingerprint of one image's labels and split, the same for both sides of a sync: classes by
 * name (so two class orders agree) and coordinates rounded to 4 decimals (the platform stores 5, so a
 * label sent and read back keeps its fingerprint).
 */
final class LabelFingerprint {
  private LabelFingerprint() {}

  /** The sha-256 (hex) of the split and the labels, classes named from {@code classNames}. */
  static String of(Split split, List<Label> labels, List<String> classNames) {
    StringBuilder sb = new StringBuilder(32 + labels.size() * 48).append(split.apiName());
    for (Label label : labels) {
      int id = label.classId();
      sb.append('|').append(id >= 0 && id < classNames.size() ? classNames.get(id) : "#" + id);
      if (label instanceof ClassLabel) {
        continue;
      }
      sb.append(':').append(label.getClass().getSimpleName().charAt(0));
      for (double v : YoloRows.values(label)) {
        sb.append(' ').append(Math.round(v * 1e4));
      }
    }
    return ContentStore.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
