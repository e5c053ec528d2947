package dev.loupe.app.gui.stats;

import dev.loupe.app.gui.Messages;
import java.util.Comparator;

/** How the class distribution is sorted. */
public enum ClassOrder {
  /** Most instances first (ties: more images, then the lower class id). */
  COUNT("stats.order.count", Comparator.comparingLong(ClassBar::instances).reversed()
      .thenComparing(Comparator.comparingLong(ClassBar::images).reversed())
      .thenComparingInt(ClassBar::classId)),
  /** Class names A to Z, case aside (ties: the lower class id). */
  NAME("stats.order.name", Comparator.comparing(ClassBar::name, String.CASE_INSENSITIVE_ORDER)
      .thenComparingInt(ClassBar::classId));

  private final String key;
  private final Comparator<ClassBar> comparator;

  ClassOrder(String key, Comparator<ClassBar> comparator) {
    this.key = key;
    this.comparator = comparator;
  }

  /** The key of {@link #text()} in the messages. */
  public String key() {
    return key;
  }

  public String text() {
    return Messages.text(key);
  }

  public Comparator<ClassBar> comparator() {
    return comparator;
  }
}
