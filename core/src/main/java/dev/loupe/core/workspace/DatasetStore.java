package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Datasets: create, get, list, update and soft delete, as the platform's Datasets API. */
public final class DatasetStore {
  private static final String COLUMNS =
      "id, slug, name, description, task, class_names, visibility, kpt_shape, flip_idx, extra,"
          + " created_at, updated_at, revision";

  private final Database db;
  private final Revisions revisions;

  DatasetStore(Database db, Revisions revisions) {
    this.db = db;
    this.revisions = revisions;
  }

  public Dataset create(NewDataset spec) {
    validate(spec.task(), spec.classNames(), spec.kptShape(), spec.flipIdx());
    if (spec.name() == null || spec.name().isBlank()) {
      throw new IllegalArgumentException("a dataset needs a name");
    }
    return db.write(
        c -> {
          String slug;
          if (spec.slug() != null) {
            slug = checkSlug(spec.slug());
            if (liveSlugs(c).contains(slug)) {
              throw new ConflictException("a dataset with slug '" + slug + "' already exists");
            }
          } else {
            slug = uniqueSlug(c, slugOf(spec.name()));
          }
          String id = Ids.random("ds_", 12);
          long now = revisions.now();
          long rev = revisions.next();
          try (PreparedStatement ps =
              c.prepareStatement("INSERT INTO dataset (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, slug);
            ps.setString(3, spec.name().trim());
            ps.setString(4, spec.description());
            ps.setString(5, spec.task().apiName());
            ps.setString(6, Json.write(spec.classNames()));
            ps.setString(7, spec.visibility().apiName());
            ps.setString(8, spec.kptShape() == null ? null : Json.write(spec.kptShape().asList()));
            ps.setString(9, spec.flipIdx() == null ? null : Json.write(spec.flipIdx()));
            ps.setString(10, Json.write(spec.extra()));
            ps.setLong(11, now);
            ps.setLong(12, now);
            ps.setLong(13, rev);
            ps.executeUpdate();
          }
          return get(c, id).orElseThrow();
        });
  }

  /** The live dataset with this id or slug. */
  public Optional<Dataset> find(String idOrSlug) {
    return db.read(c -> find(c, idOrSlug));
  }

  /** The live dataset with this id or slug, or a NotFoundException naming it. */
  public Dataset require(String idOrSlug) {
    return find(idOrSlug)
        .orElseThrow(() -> new NotFoundException("dataset '" + idOrSlug + "' not found"));
  }

  Optional<Dataset> find(Connection c, String idOrSlug) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM dataset WHERE (id = ? OR slug = ?) AND deleted_at IS NULL")) {
      ps.setString(1, idOrSlug);
      ps.setString(2, idOrSlug);
      return first(ps);
    }
  }

  /** Any dataset with this id, live or in the trash. */
  Optional<Dataset> get(Connection c, String id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dataset WHERE id = ?")) {
      ps.setString(1, id);
      return first(ps);
    }
  }

  /** Live datasets, oldest first. */
  public List<Dataset> list() {
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM dataset WHERE deleted_at IS NULL ORDER BY created_at, id")) {
            return all(ps);
          }
        });
  }

  public Dataset update(String idOrSlug, DatasetPatch patch) {
    Dataset current = require(idOrSlug);
    if (patch.name() != null && patch.name().isBlank()) {
      throw new IllegalArgumentException("a dataset needs a name");
    }
    return db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE dataset SET name = ?, description = ?, visibility = ?, updated_at = ?,"
                      + " revision = ? WHERE id = ?")) {
            ps.setString(1, patch.name() == null ? current.name() : patch.name().trim());
            ps.setString(2, patch.description() == null ? current.description() : patch.description());
            ps.setString(
                3, (patch.visibility() == null ? current.visibility() : patch.visibility()).apiName());
            ps.setLong(4, revisions.now());
            ps.setLong(5, revisions.next());
            ps.setString(6, current.id());
            ps.executeUpdate();
          }
          return get(c, current.id()).orElseThrow();
        });
  }

  /** Replaces the class names (class operations keep labels in step in the same transaction). */
  void setClassNames(Connection c, String id, List<String> names) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE dataset SET class_names = ? WHERE id = ?")) {
      ps.setString(1, Json.write(names));
      ps.setString(2, id);
      ps.executeUpdate();
    }
    touch(c, id);
  }

  /** Records that the dataset, its images or labels changed. */
  void touch(Connection c, String id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE dataset SET updated_at = ?, revision = ? WHERE id = ?")) {
      ps.setLong(1, revisions.now());
      ps.setLong(2, revisions.next());
      ps.setString(3, id);
      ps.executeUpdate();
    }
  }

  static void validate(Task task, List<String> classNames, KptShape kptShape, List<Integer> flipIdx) {
    if (task == null) {
      throw new IllegalArgumentException("a dataset needs a task");
    }
    Set<String> seen = new HashSet<>();
    for (String name : classNames) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("class names must not be empty");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("class name '" + name + "' appears twice");
      }
    }
    if (task == Task.POSE && kptShape == null) {
      throw new IllegalArgumentException("a pose dataset needs kpt_shape, e.g. [17, 3]");
    }
    if (flipIdx != null) {
      if (kptShape == null || flipIdx.size() != kptShape.keypoints()) {
        throw new IllegalArgumentException(
            "flip_idx must list one index per keypoint (" + (kptShape == null ? 0 : kptShape.keypoints())
                + "), got " + flipIdx.size());
      }
      if (!new HashSet<>(flipIdx).equals(rangeSet(flipIdx.size()))) {
        throw new IllegalArgumentException("flip_idx must be a permutation of 0.." + (flipIdx.size() - 1));
      }
    }
  }

  private static Set<Integer> rangeSet(int n) {
    Set<Integer> set = new HashSet<>();
    for (int i = 0; i < n; i++) {
      set.add(i);
    }
    return set;
  }

  static String slugOf(String name) {
    String slug =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "dataset" : slug.length() > 80 ? slug.substring(0, 80) : slug;
  }

  private static String checkSlug(String slug) {
    if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 100) {
      throw new IllegalArgumentException(
          "slug '" + slug + "' must be lower-case letters, digits and single hyphens");
    }
    return slug;
  }

  private static String uniqueSlug(Connection c, String base) throws SQLException {
    Set<String> taken = liveSlugs(c);
    String slug = base;
    for (int i = 2; taken.contains(slug); i++) {
      slug = base + "-" + i;
    }
    return slug;
  }

  static Set<String> liveSlugs(Connection c) throws SQLException {
    Set<String> slugs = new HashSet<>();
    try (ResultSet rs =
        c.createStatement().executeQuery("SELECT slug FROM dataset WHERE deleted_at IS NULL")) {
      while (rs.next()) {
        slugs.add(rs.getString(1));
      }
    }
    return slugs;
  }


  private static Optional<Dataset> first(PreparedStatement ps) throws SQLException {
    List<Dataset> list = all(ps);
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  private static List<Dataset> all(PreparedStatement ps) throws SQLException {
    List<Dataset> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        List<Integer> kpt = Json.intList(rs.getString("kpt_shape"));
        list.add(
            new Dataset(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("description"),
                Task.parse(rs.getString("task")),
                Json.stringList(rs.getString("class_names")),
                Visibility.parse(rs.getString("visibility")),
                kpt == null ? null : new KptShape(kpt.get(0), kpt.get(1)),
                Json.intList(rs.getString("flip_idx")),
                Json.map(rs.getString("extra")),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getLong("revision")));
      }
    }
    return list;
  }
}
