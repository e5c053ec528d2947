package dev.loupe.core.platform.remote;

import java.util.List;

/** {@code GET /api/projects}. */
public record ProjectList(List<RemoteProject> projects, Long total) {
  public ProjectList {
    projects = projects == null ? List.of() : List.copyOf(projects);
  }
}
