package dev.loupe.core.platform.remote;

/** The body of {@code POST /api/models}; the model file itself goes up through the platform UI. */
public record NewModel(String projectId, String slug, String name, String description, String task) {
  public NewModel {
    if (projectId == null || projectId.isBlank()) {
      throw new IllegalArgumentException("a new model needs a project id");
    }
  }
}
