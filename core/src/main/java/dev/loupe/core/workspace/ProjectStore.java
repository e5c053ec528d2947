package dev.loupe.core.workspace;

import dev.loupe.core.domain.Project;
import dev.loupe.core.domain.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Projects: create, get, list, update and delete, as the platform's Projects API. A project that
 * still holds models is not deleted (its models would be left without one): move or delete them
 * first.
 */
public final class ProjectStore {
  private static final String COLUMNS =
      "id, slug, name, description, visibility, icon_color, created_at, updated_at";
  /** The platform's icon palette, picked by the slug so a project keeps its colour. */
  private static final String[] ICON_COLORS = {
    "#3b82f6", "#ef4444", "#10b981", "#f59e0b", "#8b5cf6", "#ec4899", "#14b8a6", "#f97316"
  };

  private final Database db;
  private final Revisions revisions;

  ProjectStore(Database db, Revisions revisions) {
    this.db = db;
    this.revisions = revisions;
  }

  public Project create(NewProject spec) {
    if (spec.name() == null || spec.name().isBlank()) {
      throw new IllegalArgumentException("a project needs a name");
    }
    return db.write(
        c -> {
          String slug;
          if (spec.slug() != null) {
            slug = Slugs.check(spec.slug());
            if (slugs(c).contains(slug)) {
              throw new ConflictException("a project with slug '" + slug + "' already exists");
            }
          } else {
            slug = Slugs.unique(slugs(c), Slugs.of(spec.name(), "project"));
          }
          String id = Ids.random("prj_", 12);
          long now = revisions.now();
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO project (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, slug);
            ps.setString(3, spec.name().trim());
            ps.setString(4, spec.description());
            ps.setString(5, spec.visibility().apiName());
            ps.setString(6, ICON_COLORS[Math.floorMod(slug.hashCode(), ICON_COLORS.length)]);
            ps.setLong(7, now);
            ps.setLong(8, now);
            ps.executeUpdate();
          }
          return find(c, id).orElseThrow();
        });
  }

  public Optional<Project> find(String idOrSlug) {
    return db.read(c -> find(c, idOrSlug));
  }

  /** The project with this id or slug, or a NotFoundException naming it. */
  public Project require(String idOrSlug) {
    return find(idOrSlug).orElseThrow(() -> new NotFoundException("project '" + idOrSlug + "' not found"));
  }

  Optional<Project> find(Connection c, String idOrSlug) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM project WHERE id = ? OR slug = ?")) {
      ps.setString(1, idOrSlug);
      ps.setString(2, idOrSlug);
      List<Project> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  /** Every project, oldest first. */
  public List<Project> list() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM project ORDER BY created_at, id")) {
            return all(ps);
          }
        });
  }

  public Project update(String idOrSlug, ProjectPatch patch) {
    if (patch.name() != null && patch.name().isBlank()) {
      throw new IllegalArgumentException("a project needs a name");
    }
    return db.write(
        c -> {
          Project current =
              find(c, idOrSlug).orElseThrow(() -> new NotFoundException("project '" + idOrSlug + "' not found"));
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE project SET name = ?, description = ?, visibility = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, patch.name() == null ? current.name() : patch.name().trim());
            ps.setString(2, patch.description() == null ? current.description() : patch.description());
            ps.setString(3, (patch.visibility() == null ? current.visibility() : patch.visibility()).apiName());
            ps.setLong(4, revisions.now());
            ps.setString(5, current.id());
            ps.executeUpdate();
          }
          return find(c, current.id()).orElseThrow();
        });
  }

  /**
   * Deletes an empty project.
   *
   * @throws ConflictException when it still holds models
   */
  public void delete(String idOrSlug) {
    db.write(
        c -> {
          Project current =
              find(c, idOrSlug).orElseThrow(() -> new NotFoundException("project '" + idOrSlug + "' not found"));
          int models;
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM model WHERE project_id = ?")) {
            ps.setString(1, current.id());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              models = rs.getInt(1);
            }
          }
          if (models > 0) {
            throw new ConflictException(
                "project '" + current.slug() + "' holds " + models + (models == 1 ? " model" : " models")
                    + ": move or delete them first");
          }
          ImageStore.execute(c, "DELETE FROM project WHERE id = ?", current.id());
          return null;
        });
  }

  private static Set<String> slugs(Connection c) throws SQLException {
    return Slugs.taken(c, "project");
  }


  private static List<Project> all(PreparedStatement ps) throws SQLException {
    List<Project> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        list.add(
            new Project(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("description"),
                Visibility.parse(rs.getString("visibility")),
                rs.getString("icon_color"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at"))));
      }
    }
    return list;
  }
}
