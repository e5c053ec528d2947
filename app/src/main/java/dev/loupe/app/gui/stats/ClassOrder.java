package dev.loupe.app.gui.stats;

import java.util.Comparator;

/** How the class distribution is sorted. */
public enum ClassOrder {
  /** Most instances first (ties: more images, then the lower class id). */
  COUNT("By count", Comparator.comparingLong(ClassBar::instances).reversed()
      .thenComparing(Comparator.comparingLong(ClassBar::images).reversed())
      .thenComparingInt(ClassBar::classId)),
  /** Class names A to Z, case aside (ties: the lower class id). */
  NAME("By name", Comparator.comparing(ClassBar::name, String.CASE_INSENSITIVE_ORDER)
      .thenComparingInt(ClassBar::classId));

  private final String text;
  private final Comparator<ClassBar> comparator;

  ClassOrder(String text, Comparator<ClassBar> comparator) {
    this.text = text;
    this.comparator = comparator;
  }

  public String text() {
    return text;
  }

  public Comparator<ClassBar> comparator() {
    return comparator;
  }
}
