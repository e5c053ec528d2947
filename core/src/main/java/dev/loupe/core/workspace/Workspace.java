package dev.loupe.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetWriter;
import dev.loupe.core.io.ArchiveExtractor;
import dev.loupe.core.io.ZipInPlace;
import dev.loupe.core.task.TaskMonitor;

/**
 * An offline workspace: an embedded H2 database (datasets, images, labels, versions, trash) beside a
 * content store of image files named by their sha-256 and a cache of thumbnails. One process owns a
 * workspace at a time.
 *
 * <pre>
 *   workspace.lock   the OS lock that keeps a second process out
 *   db/              H2 database files
 *   blobs/ab/abcd... image bytes, once per content
 *   thumbs/ab/abcd.. 256 px JPEG thumbnails
 *   versions/        immutable NDJSON snapshots of dataset versions
 *   index/           saved image indexes (a cache: ignored when stale)
 *   models/ab/abcd...onnx  model files, once per content, with their extension
 *   training/RUN/    a training run's exported dataset and yolo's run folder
 *   tmp/             unpacked archives and partial files (emptied on open)
 * </pre>
 */
public final class Workspace implements AutoCloseable {
  /** Flyway reports every migration at INFO through java.util.logging; users need only warnings. */
  private static final java.util.logging.Logger FLYWAY_LOG = quietFlyway();
  /**
   * Flyway 11 warns on every open that it has not been tested with H2 2.4 (taken for a data-loss fix,
   * ADR 0010); the migrations are plain SQL and its tests pass on 2.4, so that one class only says errors.
   */
  private static final java.util.logging.Logger FLYWAY_VERSION_LOG = quietFlywayVersionCheck();

  private final Path root;
  private final WorkspaceLock lock;
  private final Database db;
  private final Revisions revisions;
  private final ContentStore content;
  private final DatasetStore datasets;
  private final ImageStore images;
  private final LabelStore labels;
  private final Formats formats = new Formats();
  private final ClassOperations classes;
  private final SplitRedistributor splits;
  private final TrashStore trash;
  private final VersionStore versions;
  private final ClassStatsService classStats;
  private final ThumbnailService thumbnails;
  private final ProjectStore projects;
  private final ModelStore models;
  private final AnnotationRuns annotationRuns;
  private final TrainingRuns trainingRuns;
  private final WorkspaceInsight insight;
  private final SyncStore sync;

  private Workspace(Path root, WorkspaceLock lock, Database db, Clock clock) throws IOException {
    this.root = root;
    this.lock = lock;
    this.db = db;
    long[] last =
        db.read(
            c -> {
              try (ResultSet rs =
                  c.createStatement()
                      .executeQuery(
                          "SELECT GREATEST((SELECT COALESCE(MAX(revision), 0) FROM dataset),"
                              + " (SELECT COALESCE(MAX(revision), 0) FROM image),"
                              + " (SELECT COALESCE(MAX(revision), 0) FROM tombstone)),"
                              + " GREATEST((SELECT COALESCE(MAX(seq), 0) FROM image),"
                              + " (SELECT COALESCE(MAX(counter), 0) FROM meta WHERE name = 'last_seq'))")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
              }
            });
    this.revisions = new Revisions(last[0], clock);
    this.content = new ContentStore(root.resolve("blobs"), root.resolve("tmp"));
    this.datasets = new DatasetStore(db, revisions);
    this.images = new ImageStore(db, revisions, datasets, last[1], root);
    this.labels = new LabelStore(db, revisions, datasets, images);
    this.classes = new ClassOperations(this);
    this.splits = new SplitRedistributor(this);
    this.trash = new TrashStore(this);
    this.versions = new VersionStore(this, formats);
    this.classStats = new ClassStatsService(this);
    this.thumbnails = new ThumbnailService(this);
    this.projects = new ProjectStore(db, revisions);
    this.models = new ModelStore(db, revisions, projects, new ModelFiles(root.resolve("models"), root.resolve("tmp")));
    this.annotationRuns = new AnnotationRuns(db, revisions, datasets, labels);
    this.trainingRuns = new TrainingRuns(db, revisions, datasets);
    trainingRuns.markInterrupted(); // one process owns a workspace: nobody runs them any more
    this.sync = new SyncStore(db, revisions, datasets);
    this.insight = new WorkspaceInsight(this, new dev.loupe.core.map.Umap(), new dev.loupe.core.map.KMeansClusterer());
    sweepAfterCrash();
    trash.purgeExpired();
  }

  /** Opens (creating if needed) the workspace at {@code root}, migrating its schema. */
  public static Workspace open(Path root) {
    return open(root, Clock.systemUTC());
  }

  public static Workspace open(Path root, Clock clock) {
    WorkspaceLock lock = null;
    try {
      root = Files.createDirectories(root.toAbsolutePath().normalize());
      lock = WorkspaceLock.acquire(root);
      TrashStore.deleteTree(root.resolve("tmp")); // ContentStore makes it again, empty
      String url =
          "jdbc:h2:file:" + root.resolve("db").resolve("loupe")
              + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=131072;MAX_COMPACT_TIME=2000";
      Database db = new Database(url);
      try {
        SchemaMigrations.migrate(db);
        return new Workspace(root, lock, db, clock);
      } catch (RuntimeException | IOException e) {
        db.close();
        throw e;
      }
    } catch (IOException e) {
      closeQuietly(lock);
      throw new UncheckedIOException("cannot open workspace " + root + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(lock);
      throw e;
    }
  }

  public Path root() {
    return root;
  }

  public DatasetStore datasets() {
    return datasets;
  }

  public ImageStore images() {
    return images;
  }

  public LabelStore labels() {
    return labels;
  }

  public ContentStore content() {
    return content;
  }

  public ClassOperations classes() {
    return classes;
  }

  public SplitRedistributor splits() {
    return splits;
  }

  public TrashStore trash() {
    return trash;
  }

  public VersionStore versions() {
    return versions;
  }

  public ClassStatsService classStats() {
    return classStats;
  }

  public ThumbnailService thumbnails() {
    return thumbnails;
  }

  public ProjectStore projects() {
    return projects;
  }

  public ModelStore models() {
    return models;
  }

  /** Recorded auto-annotation runs: their writes, and revert. */
  public AnnotationRuns annotationRuns() {
    return annotationRuns;
  }

  /** Recorded training runs: arguments, status, epochs, console and the models they made. */
  public TrainingRuns trainingRuns() {
    return trainingRuns;
  }

  /** What syncs with a platform remember: links, remote image names, agreed states, conflicts. */
  public SyncStore sync() {
    return sync;
  }

  public Formats formats() {
    return formats;
  }

  /** Embeddings, maps, similar images and duplicates of the datasets. */
  public dev.loupe.core.insight.DatasetInsight insight() {
    return insight;
  }

  /**
   * Imports a dataset from a folder, a file or an archive (a plainly made ZIP is read in place; other
   * ZIPs and TAR, TAR.GZ, TGZ are unpacked safely first). Bad rows and files are recorded in the report, never abort the import. An import into a
   * new dataset that fails or is cancelled leaves no dataset behind.
   */
  public ImportResult importDataset(Path input, ImportOptions options, TaskMonitor monitor) throws IOException {
    if (!Files.exists(input)) {
      throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
    }
    Path source = input;
    Path unpacked = null;
    java.util.zip.ZipFile zip = null;
    ZipInPlace inPlace = null;
    try {
      java.util.Map<Path, String> deferred = java.util.Map.of();
      if (Files.isRegularFile(input) && ArchiveExtractor.isArchive(input)) {
        monitor.progress(0, -1, "checking " + input.getFileName());
        inPlace = ZipInPlace.open(input, options.limits(), monitor, Workspace::isImageName).orElse(null);
        if (inPlace != null) {
          source = singleFolder(inPlace.root());
        } else {
          unpacked = Files.createTempDirectory(root.resolve("tmp"), "import");
          monitor.progress(0, -1, "unpacking " + input.getFileName());
          deferred =
              new ArchiveExtractor(options.limits())
                  .extract(input, unpacked, monitor, Workspace::isImageName)
                  .deferred();
          if (!deferred.isEmpty()) {
            zip = new java.util.zip.ZipFile(input.toFile());
          }
          source = singleFolder(unpacked);
        }
        if (options.name() == null) {
          options = options.withName(input.getFileName().toString().replaceFirst("(\\.tar)?\\.[^.]+$", ""));
        }
      }
      DatasetReader reader = formats.reader(options.format(), options.task(), source);
      return new DatasetImporter(this).run(reader, source, unpacked, zip, deferred, options, monitor);
    } finally {
      if (zip != null) {
        zip.close();
      }
      if (inPlace != null) {
        inPlace.close();
      }
      if (unpacked != null) {
        TrashStore.deleteTree(unpacked);
      }
    }
  }

  /** Image files of a ZIP are read from it when imported, not unpacked first (one write, not two). */
  private static boolean isImageName(String entryName) {
    String name = entryName.toLowerCase(java.util.Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot >= 0
        && java.util.Set.of("bmp", "dng", "jpeg", "jpg", "mpo", "png", "tif", "tiff", "webp", "pfm", "heic", "gif")
            .contains(name.substring(dot + 1));
  }

  /** Exports the live dataset; returns the number of images written. */
  public long exportDataset(String datasetIdOrSlug, String format, Path target, TaskMonitor monitor)
      throws IOException {
    Dataset dataset = datasets.require(datasetIdOrSlug);
    DatasetWriter writer = formats.writer(format, dataset.task());
    return writer.write(new WorkspaceExportSource(this, dataset), target, monitor);
  }

  /** An archive whose content sits in one top folder is read from that folder. */
  private static Path singleFolder(Path dir) throws IOException {
    try (var list = Files.list(dir)) {
      List<Path> entries = list.toList();
      if (entries.size() == 1 && Files.isDirectory(entries.get(0))) {
        return entries.get(0);
      }
    }
    return dir;
  }

  Database db() {
    return db;
  }

  Revisions revisions() {
    return revisions;
  }

  /**
   * A workspace not closed last time (the process was killed or crashed) may hold image files an
   * import wrote before its rows committed: no row refers to them, so they are deleted now, before
   * any work starts. The marker file says whether the last session ended cleanly.
   */
  private void sweepAfterCrash() throws IOException {
    Path marker = root.resolve(SESSION_MARKER);
    if (Files.exists(marker)) {
      java.util.Set<String> known =
          db.read(
              c -> {
                java.util.Set<String> hashes = new java.util.HashSet<>();
                try (ResultSet rs = c.createStatement().executeQuery("SELECT hash FROM blob")) {
                  while (rs.next()) {
                    hashes.add(rs.getString(1));
                  }
                }
                return hashes;
              });
      content.sweep(known);
    } else {
      Files.createFile(marker);
    }
  }

  private static final String SESSION_MARKER = "session.open";

  @Override
  public void close() {
    try {
      images.saveIndexes();
      Files.deleteIfExists(root.resolve(SESSION_MARKER));
    } catch (IOException e) {
      // the next open sweeps, which is only slower
    } finally {
      try {
        db.close();
      } finally {
        closeQuietly(lock);
      }
    }
  }

  private static java.util.logging.Logger quietFlywayVersionCheck() {
    java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger("org.flywaydb.core.internal.database.base.Database");
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  private static java.util.logging.Logger quietFlyway() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.flywaydb");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable != null) {
      try {
        closeable.close();
      } catch (Exception e) {
        // nothing left to do
      }
    }
  }
}
