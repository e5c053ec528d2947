package dev.loupe.core.domain;

import java.time.Instant;

/**
 * A project: a folder of models, as the platform's Projects API describes it. Every model belongs to
 * at most one project.
 *
 * @param id stable identifier ({@code prj_...})
 * @param iconColor the colour of the project's letter icon, e.g. {@code #3b82f6}
 */
public record Project(
    String id,
    String slug,
    String name,
    String description,
    Visibility visibility,
    String iconColor,
    Instant createdAt,
    Instant updatedAt) {

  /** The letter the platform shows in the project's icon. */
  public String iconLetter() {
    return name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
  }
}
