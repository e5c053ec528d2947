package dev.loupe.core.workspace;

import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Models: import a model file (what it is comes from an inspector, the engines' {@code
 * ModelLoader.inspect}), list, get, rename, move to a project, delete. The file is stored once per
 * content under {@code models/}; a model row names it by hash.
 *
 * <p>ONNX ({@code .onnx}) and TorchScript ({@code .torchscript}) files must inspect cleanly or the
 * import is refused. A PyTorch checkpoint ({@code .pt}) is recorded with format {@code pt} and
 * whatever the inspector could tell (often nothing): Loupe cannot run it, and {@link #runnableFile}
 * says how to export it.
 */
public final class ModelStore {
  private static final String COLUMNS =
      "id, slug, name, description, project_id, format, task, class_names, imgsz_h, imgsz_w, stride,"
          + " end2end, kpt_shape, channels, metadata, inspect_error, file_name, file_ext, file_hash,"
          + " file_size, created_at, updated_at";
  private static final Map<String, String> FORMAT_OF_EXTENSION =
      Map.of("onnx", "onnx", "torchscript", "torchscript", "pt", "pt");

  private final Database db;
  private final Revisions revisions;
  private final ProjectStore projects;
  private final ModelFiles files;

  ModelStore(Database db, Revisions revisions, ProjectStore projects, ModelFiles files) {
    this.db = db;
    this.revisions = revisions;
    this.projects = projects;
    this.files = files;
  }

  /**
   * A model file as a model of this workspace, for commands that take a file where a model is
   * asked for: the model already holding this content (the newest, when several do), else the file
   * imported with the defaults.
   *
   * @throws IllegalArgumentException as {@link #importFile} does
   */
  public ModelRecord registered(Path file, Function<Path, ModelInfo> inspector) throws IOException {
    String extension = extension(file.getFileName() == null ? "" : file.getFileName().toString());
    if (Files.isRegularFile(file) && FORMAT_OF_EXTENSION.containsKey(extension)) {
      String hash = ModelFiles.hash(file); // read, not copied: usually the workspace has it already
      Optional<ModelRecord> same = db.read(c -> newestWithContent(c, hash, extension));
      if (same.isPresent()) {
        return same.get();
      }
    }
    return importFile(file, NewModel.defaults(), inspector);
  }

  /**
   * Imports a model file.
   *
   * @param inspector reads the file's metadata (the engines' {@code ModelLoader.inspect}); called
   *     with a copy of the file that has the same extension
   * @throws IllegalArgumentException for a file kind Loupe does not take, or an ONNX/TorchScript
   *     file the inspector cannot read
   */
  public ModelRecord importFile(Path file, NewModel spec, Function<Path, ModelInfo> inspector) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such model file");
    }
    String fileName = file.getFileName().toString();
    String extension = extension(fileName);
    String format = FORMAT_OF_EXTENSION.get(extension);
    if (format == null) {
      throw new IllegalArgumentException(
          "cannot import " + fileName + ": Loupe takes .onnx, .torchscript and .pt model files");
    }
    Project project = spec.project() == null ? null : projects.require(spec.project());
    ModelFiles.Staged staged = files.stage(file, extension);
    try {
      ModelInfo info = null;
      String inspectError = null;
      try {
        info = inspector.apply(staged.temp());
      } catch (RuntimeException e) {
        // the inspector read the staged copy: its messages name the user's file, not the copy
        String reason = message(e).replace(staged.temp().getFileName().toString(), fileName);
        if (!format.equals("pt")) {
          throw new IllegalArgumentException("cannot read model " + fileName + ": " + reason, e);
        }
        inspectError = reason;
      }
      if (info != null && info.format() != null && !info.format().isBlank()) {
        format = info.format().toLowerCase(Locale.ROOT);
      }
      files.store(staged, extension);
      String name = spec.name() == null || spec.name().isBlank() ? stem(fileName) : spec.name().trim();
      return insert(spec, project, name, format, info, inspectError, fileName, extension, staged);
    } finally {
      Files.deleteIfExists(staged.temp());
    }
  }

  private ModelRecord insert(
      NewModel spec, Project project, String name, String format, ModelInfo info, String inspectError,
      String fileName, String extension, ModelFiles.Staged staged) {
    return db.write(
        c -> {
          String slug;
          Set<String> taken = slugs(c);
          if (spec.slug() != null) {
            slug = Slugs.check(spec.slug());
            if (taken.contains(slug)) {
              throw new ConflictException("a model with slug '" + slug + "' already exists");
            }
          } else {
            slug = Slugs.unique(taken, Slugs.of(name, "model"));
          }
          String id = Ids.random("mdl_", 12);
          long now = revisions.now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO model (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, slug);
            ps.setString(3, name);
            ps.setString(4, spec.description());
            ps.setString(5, project == null ? null : project.id());
            ps.setString(6, format);
            ps.setString(7, info == null || info.task() == null ? null : info.task().apiName());
            ps.setString(8, Json.write(info == null ? List.of() : info.names()));
            ps.setInt(9, info == null ? 0 : info.imgszH());
            ps.setInt(10, info == null ? 0 : info.imgszW());
            ps.setInt(11, info == null ? 0 : info.stride());
            ps.setBoolean(12, info != null && info.endToEnd());
            ps.setString(13, info == null || info.kptShape() == null ? null : Json.write(info.kptShape().asList()));
            ps.setInt(14, info == null || info.channels() <= 0 ? 3 : info.channels());
            ps.setString(15, Json.write(info == null ? Map.of() : info.metadata()));
            ps.setString(16, ImageStore.truncate(inspectError));
            ps.setString(17, fileName);
            ps.setString(18, extension);
            ps.setString(19, staged.hash());
            ps.setLong(20, staged.size());
            ps.setLong(21, now);
            ps.setLong(22, now);
            ps.executeUpdate();
          }
          return find(c, id).orElseThrow();
        });
  }

  public Optional<ModelRecord> find(String idOrSlug) {
    return db.read(c -> find(c, idOrSlug));
  }

  /** The model with this id or slug, or a NotFoundException naming it. */
  public ModelRecord require(String idOrSlug) {
    return find(idOrSlug).orElseThrow(() -> new NotFoundException("model '" + idOrSlug + "' not found"));
  }

  /** Every model, oldest first; only those of one project when {@code project} is not null. */
  public List<ModelRecord> list(String project) {
    String projectId = project == null ? null : projects.require(project).id();
    return db.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM model" + (projectId == null ? "" : " WHERE project_id = ?")
                      + " ORDER BY created_at, id")) {
            if (projectId != null) {
              ps.setString(1, projectId);
            }
            return all(ps);
          }
        });
  }

  /** Where the model's file is; an engine loads it from there. */
  public Path file(ModelRecord model) {
    return files.path(model.fileHash(), extensionOf(model));
  }

  /**
   * The file of a model Loupe can run.
   *
   * @throws ModelNotRunnableException for a .pt checkpoint, with the command that exports it
   */
  public Path runnableFile(ModelRecord model) {
    if (!model.runnable()) {
      throw new ModelNotRunnableException(
          "model '" + model.slug() + "' is a PyTorch checkpoint (.pt), which Loupe cannot run; export it"
              + " to ONNX with '" + model.exportCommand() + "' and import the .onnx file");
    }
    return file(model);
  }

  /** Renames or re-describes a model (null fields stay). */
  public ModelRecord update(String idOrSlug, String name, String description) {
    if (name != null && name.isBlank()) {
      throw new IllegalArgumentException("a model needs a name");
    }
    return db.write(
        c -> {
          ModelRecord m = find(c, idOrSlug).orElseThrow(() -> new NotFoundException("model '" + idOrSlug + "' not found"));
          ImageStore.execute(
              c, "UPDATE model SET name = ?, description = ?, updated_at = ? WHERE id = ?",
              name == null ? m.name() : name.trim(), description == null ? m.description() : description,
              revisions.now(), m.id());
          return find(c, m.id()).orElseThrow();
        });
  }

  /** Moves a model into a project ({@code project} id or slug), or out of any when null. */
  public ModelRecord move(String idOrSlug, String project) {
    String projectId = project == null ? null : projects.require(project).id();
    return db.write(
        c -> {
          ModelRecord m = find(c, idOrSlug).orElseThrow(() -> new NotFoundException("model '" + idOrSlug + "' not found"));
          ImageStore.execute(
              c, "UPDATE model SET project_id = ?, updated_at = ? WHERE id = ?", projectId, revisions.now(), m.id());
          return find(c, m.id()).orElseThrow();
        });
  }

  /** Deletes a model, and its file when no other model holds the same bytes. */
  public void delete(String idOrSlug) {
    ModelRecord removed =
        db.write(
            c -> {
              ModelRecord m =
                  find(c, idOrSlug).orElseThrow(() -> new NotFoundException("model '" + idOrSlug + "' not found"));
              ImageStore.execute(c, "DELETE FROM model WHERE id = ?", m.id());
              try (PreparedStatement ps =
                  c.prepareStatement("SELECT COUNT(*) FROM model WHERE file_hash = ? AND file_ext = ?")) {
                ps.setString(1, m.fileHash());
                ps.setString(2, extensionOf(m));
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  return rs.getInt(1) == 0 ? m : null;
                }
              }
            });
    if (removed != null) {
      try {
        files.delete(removed.fileHash(), extensionOf(removed));
      } catch (IOException e) {
        throw new UncheckedIOException("model deleted, but its file stays: " + e.getMessage(), e);
      }
    }
  }

  Optional<ModelRecord> find(Connection c, String idOrSlug) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM model WHERE id = ? OR slug = ?")) {
      ps.setString(1, idOrSlug);
      ps.setString(2, idOrSlug);
      List<ModelRecord> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private Optional<ModelRecord> newestWithContent(Connection c, String hash, String extension) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM model WHERE file_hash = ? AND file_ext = ?"
                + " ORDER BY created_at DESC, id DESC")) {
      ps.setString(1, hash);
      ps.setString(2, extension);
      List<ModelRecord> found = all(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  private static String extensionOf(ModelRecord m) {
    return extension(m.fileName());
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? fileName : fileName.substring(0, dot);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Set<String> slugs(Connection c) throws SQLException {
    return Slugs.taken(c, "model");
  }


  private static List<ModelRecord> all(PreparedStatement ps) throws SQLException {
    List<ModelRecord> list = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        List<Integer> kpt = Json.intList(rs.getString("kpt_shape"));
        String task = rs.getString("task");
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        Json.map(rs.getString("metadata")).forEach((k, v) -> metadata.put(k, String.valueOf(v)));
        list.add(
            new ModelRecord(
                rs.getString("id"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("project_id"),
                rs.getString("format"),
                task == null ? null : Task.parse(task),
                Json.stringList(rs.getString("class_names")),
                rs.getInt("imgsz_h"),
                rs.getInt("imgsz_w"),
                rs.getInt("stride"),
                rs.getBoolean("end2end"),
                kpt == null ? null : new KptShape(kpt.get(0), kpt.get(1)),
                rs.getInt("channels"),
                metadata,
                rs.getString("inspect_error"),
                rs.getString("file_name"),
                rs.getString("file_hash"),
                rs.getLong("file_size"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at"))));
      }
    }
    return list;
  }
}
