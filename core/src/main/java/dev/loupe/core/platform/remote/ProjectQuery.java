package dev.loupe.core.platform.remote;

/** The query of {@code GET /api/projects}; null parameters are left out. */
public record ProjectQuery(String username, Integer limit, String owner) {
  public static ProjectQuery all() {
    return new ProjectQuery(null, null, null);
  }
}
