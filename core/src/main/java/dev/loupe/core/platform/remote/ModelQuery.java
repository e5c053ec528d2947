package dev.loupe.core.platform.remote;

/**
 * The query of {@code GET /api/models}.
 *
 * @param projectId the project (required)
 * @param fields summary or charts
 * @param ids comma-separated model ids
 * @param limit at most this many (platform default 20, at most 100)
 */
public record ModelQuery(String projectId, String fields, String ids, Integer limit) {
  public ModelQuery {
    if (projectId == null || projectId.isBlank()) {
      throw new IllegalArgumentException("listing models needs a project id");
    }
  }

  public static ModelQuery ofProject(String projectId) {
    return new ModelQuery(projectId, null, null, null);
  }

  public ModelQuery withLimit(int value) {
    return new ModelQuery(projectId, fields, ids, value);
  }
}
