package dev.loupe.core.platform.remote;

/**
 * The query of {@code GET /api/trash}; null parameters are left out.
 *
 * @param type all, project, dataset or model
 * @param page page number (from 1)
 * @param limit items per page (platform default 50, at most 200)
 */
public record TrashQuery(String type, Integer page, Integer limit, String owner) {
  public static TrashQuery all() {
    return new TrashQuery(null, null, null, null);
  }
}
