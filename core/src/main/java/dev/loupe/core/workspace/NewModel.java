package dev.loupe.core.workspace;

/**
 * How a model file is imported: its display name (null: the file's name without extension), an
 * optional slug, description and project (id or slug, null for none).
 */
public record NewModel(String name, String slug, String description, String project) {
  public NewModel {
    description = description == null ? "" : description;
  }

  public static NewModel defaults() {
    return new NewModel(null, null, "", null);
  }

  public NewModel inProject(String value) {
    return new NewModel(name, slug, description, value);
  }

  public NewModel named(String value) {
    return new NewModel(value, slug, description, project);
  }
}
