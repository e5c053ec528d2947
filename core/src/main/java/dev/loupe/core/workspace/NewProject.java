package dev.loupe.core.workspace;

import dev.loupe.core.domain.Visibility;

/**
 * What {@code POST /api/projects} takes. {@code slug} may be null: it is then derived from the name
 * and made unique. Null description and visibility mean empty and private.
 */
public record NewProject(String slug, String name, String description, Visibility visibility) {
  public NewProject {
    description = description == null ? "" : description;
    visibility = visibility == null ? Visibility.PRIVATE : visibility;
  }

  public static NewProject of(String name) {
    return new NewProject(null, name, "", Visibility.PRIVATE);
  }
}
