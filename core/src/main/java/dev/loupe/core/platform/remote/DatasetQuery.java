package dev.loupe.core.platform.remote;

/**
 * The query of {@code GET /api/datasets}; null parameters are left out.
 *
 * @param username only this user's datasets
 * @param slug one dataset by slug
 * @param limit items per page (platform default 1000, at most 1000)
 * @param owner the workspace owner's username
 */
public record DatasetQuery(String username, String slug, Integer limit, String owner) {
  public static DatasetQuery all() {
    return new DatasetQuery(null, null, null, null);
  }

  public static DatasetQuery bySlug(String slug) {
    return new DatasetQuery(null, slug, null, null);
  }

  public DatasetQuery withLimit(int value) {
    return new DatasetQuery(username, slug, value, owner);
  }

  public DatasetQuery withOwner(String value) {
    return new DatasetQuery(username, slug, limit, value);
  }

  public DatasetQuery withUsername(String value) {
    return new DatasetQuery(value, slug, limit, owner);
  }
}
