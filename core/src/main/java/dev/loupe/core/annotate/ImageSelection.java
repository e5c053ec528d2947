package dev.loupe.core.annotate;

import dev.loupe.core.domain.Split;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which images of a dataset a run looks at: all, one split, only unlabeled ones (optionally of one
 * split), or a list of image hashes.
 *
 * @param split null for every split
 * @param hashes null unless particular images were asked for
 */
public record ImageSelection(Split split, boolean unlabeledOnly, List<String> hashes) {
  public ImageSelection {
    hashes = hashes == null ? null : List.copyOf(new LinkedHashSet<>(hashes));
    if (hashes != null && (split != null || unlabeledOnly)) {
      throw new IllegalArgumentException("give either image hashes or a split/unlabeled filter, not both");
    }
    if (hashes != null && hashes.isEmpty()) {
      throw new IllegalArgumentException("no image hashes given");
    }
  }

  public static ImageSelection all() {
    return new ImageSelection(null, false, null);
  }

  public static ImageSelection split(Split split) {
    return new ImageSelection(split, false, null);
  }

  public static ImageSelection unlabeled() {
    return new ImageSelection(null, true, null);
  }

  public static ImageSelection images(List<String> hashes) {
    return new ImageSelection(null, false, hashes);
  }

  /** {@code all}, {@code split:val}, {@code unlabeled}, {@code split:val,unlabeled} or {@code images:N}. */
  public String describe() {
    if (hashes != null) {
      return "images:" + hashes.size();
    }
    if (split == null) {
      return unlabeledOnly ? "unlabeled" : "all";
    }
    return "split:" + split.apiName() + (unlabeledOnly ? ",unlabeled" : "");
  }
}
