package dev.loupe.core.workspace;

import java.util.Locale;
import java.util.Set;

/** URL names of projects and models: lower-case letters, digits and single hyphens. */
final class Slugs {
  private Slugs() {}

  /** The slugs a table holds (datasets, projects, models). */
  static java.util.Set<String> taken(java.sql.Connection c, String table) throws java.sql.SQLException {
    java.util.Set<String> slugs = new java.util.HashSet<>();
    try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT slug FROM " + table)) {
      while (rs.next()) {
        slugs.add(rs.getString(1));
      }
    }
    return slugs;
  }

  /** The slug of a display name, or {@code fallback} when nothing of it is left. */
  static String of(String name, String fallback) {
    String slug =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > 80) {
      slug = slug.substring(0, 80).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? fallback : slug;
  }

  /** The slug as given, or an IllegalArgumentException saying what a slug may hold. */
  static String check(String slug) {
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 100) {
      throw new IllegalArgumentException(
          "slug '" + slug + "' must be lower-case letters, digits and single hyphens");
    }
    return slug;
  }

  /** {@code base}, or {@code base-2}, {@code base-3}... whichever is not taken. */
  static String unique(Set<String> taken, String base) {
    String slug = base;
    for (int i = 2; taken.contains(slug); i++) {
      slug = base + "-" + i;
    }
    return slug;
  }
}
