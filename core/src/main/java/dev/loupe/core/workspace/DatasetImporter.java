package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Task;
import dev.loupe.core.formats.DatasetReader;
import dev.loupe.core.formats.DatasetSpec;
import dev.loupe.core.formats.ImportItem;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.io.ImageInfo;
import dev.loupe.core.io.ImageProbe;
import dev.loupe.core.task.CancelledException;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.PreparedStatement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings the items of a {@link DatasetReader} into a dataset. Worker threads read each image once,
 * probe its header (size, EXIF orientation, truncation), hash it and store the bytes under their
 * hash; the calling thread commits images with their labels in batches, in the reader's order. Each
 * batch is one transaction: a crash leaves whole images with all their labels, never half of one.
 */
final class DatasetImporter {
  static final int BATCH = 500;
  private static final int IN_FLIGHT = 256;

  private final Workspace workspace;
  private final ImageProbe probe = new ImageProbe();
  /** Files this import added to the content store, to take back if the import does not complete. */
  private final Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Every stored file this import's rows will refer to, kept from garbage collection until it ends. */
  private final java.util.Queue<String> pinned = new java.util.concurrent.ConcurrentLinkedQueue<>();
  /** Files of an unpacked archive already moved into the store, by their old path. */
  private final java.util.Map<java.nio.file.Path, String> moved = new java.util.concurrent.ConcurrentHashMap<>();
  private java.nio.file.Path movable;
  /** Images still in the imported ZIP, by the path of their empty stand-in. */
  private java.util.Map<java.nio.file.Path, String> deferred = java.util.Map.of();
  private java.util.zip.ZipFile zip;

  DatasetImporter(Workspace workspace) {
    this.workspace = workspace;
  }

  /** A stored image: what the workers learned about one item. */
  private record Stored(ImportItem item, String hash, long size, ImageInfo info) {}

  /**
   * Imports what {@code reader} finds at {@code source}. Image files under {@code movable} (an
   * unpacked archive) are moved into the content store instead of copied.
   */
  ImportResult run(
      DatasetReader reader, java.nio.file.Path source, java.nio.file.Path movable,
      java.util.zip.ZipFile zip, java.util.Map<java.nio.file.Path, String> deferred, ImportOptions options,
      TaskMonitor monitor)
      throws IOException {
    this.movable = movable;
    this.zip = zip;
    this.deferred = deferred;
    ImportReport report = new ImportReport();
    DatasetSpec spec = reader.readSpec(source, report);
    boolean createdDataset = options.intoDataset() == null;
    Dataset dataset =
        createdDataset ? create(spec, options, source) : workspace.datasets().require(options.intoDataset());
    if (!createdDataset) {
      checkCompatible(dataset, options.task() != null ? options.task() : spec.task());
    }
    int[] classMap = createdDataset ? null : classMap(dataset, spec);
    if (!createdDataset && classMap.length > 0) {
      dataset = workspace.datasets().require(dataset.id());
    }
    ExecutorService workers = Executors.newFixedThreadPool(options.workers(), daemonThreads());
    Batcher batcher = new Batcher(dataset, classMap, report, monitor);
    try {
      reader.readItems(
          source,
          spec,
          report,
          item -> {
            monitor.checkCancelled();
            batcher.submit(workers.submit(() -> store(item)));
          },
          monitor);
      batcher.finish();
    } catch (IOException | RuntimeException e) {
      batcher.abandon();
      stop(workers);
      if (createdDataset) {
        new TrashStore(workspace).purgeNow(dataset.id());
      }
      removeUnreferenced();
      throw e;
    } finally {
      workers.shutdownNow();
      for (String hash; (hash = pinned.poll()) != null; ) {
        workspace.content().unpin(hash);
      }
    }
    return new ImportResult(workspace.datasets().require(dataset.id()), reader.formatName(), report);
  }

  /** Boxes and polygons mix (Ultralytics reads both in detect and segment); other tasks do not. */
  private static void checkCompatible(Dataset dataset, Task incoming) {
    boolean boxesAndPolygons =
        (incoming == Task.DETECT || incoming == Task.SEGMENT)
            && (dataset.task() == Task.DETECT || dataset.task() == Task.SEGMENT);
    if (incoming != dataset.task() && !boxesAndPolygons) {
      throw new IllegalArgumentException(
          "cannot import a " + incoming.apiName() + " dataset into the " + dataset.task().apiName()
              + " dataset '" + dataset.slug() + "'");
    }
  }

  private Dataset create(DatasetSpec spec, ImportOptions options, java.nio.file.Path source) {
    String name = options.name();
    if (name == null || name.isBlank()) {
      name = spec.name();
    }
    if (name == null || name.isBlank()) {
      java.nio.file.Path fileName = source.toAbsolutePath().normalize().getFileName();
      name = fileName == null ? "dataset" : fileName.toString().replaceFirst("\\.[^.]+$", "");
    }
    Task task = options.task() != null ? options.task() : spec.task();
    return workspace
        .datasets()
        .create(
            new NewDataset(
                null, name, spec.description(), task, spec.classNames(), null, spec.kptShape(),
                spec.flipIdx(), spec.extra()));
  }

  /**
   * Maps the source's class ids to the dataset's by name, appending names the dataset lacks.
   */
  private int[] classMap(Dataset dataset, DatasetSpec spec) {
    List<String> names = new ArrayList<>(dataset.classNames());
    int[] map = new int[spec.classNames().size()];
    boolean added = false;
    for (int i = 0; i < map.length; i++) {
      int at = names.indexOf(spec.classNames().get(i));
      if (at < 0) {
        names.add(spec.classNames().get(i));
        at = names.size() - 1;
        added = true;
      }
      map[i] = at;
    }
    if (added) {
      new ClassOperations(workspace).setNames(dataset.id(), names);
    }
    return map;
  }

  private void pin(String hash) {
    workspace.content().pin(hash);
    pinned.add(hash);
  }

  private Stored store(ImportItem item) throws IOException {
    if (item.image() == null) {
      String key = item.url() != null ? item.url() : item.split().apiName() + "/" + item.filename();
      String hash = ContentStore.sha256(("url:" + key).getBytes(StandardCharsets.UTF_8));
      ImageInfo info =
          new ImageInfo(null, item.width(), item.height(), 1,
              item.url() != null ? "image not downloaded yet: " + item.url() : "image file absent");
      return new Stored(item, hash, 0, info);
    }
    String entry = deferred.get(item.image());
    if (entry != null) {
      byte[] bytes = dev.loupe.core.io.ArchiveExtractor.readDeferred(zip, entry);
      String hash = ContentStore.sha256(bytes);
      pin(hash);
      if (workspace.content().putNew(bytes, hash)) {
        created.add(hash);
      }
      return new Stored(item, hash, bytes.length, probe.probe(bytes, item.filename()));
    }
    String movedAs = moved.get(item.image());
    java.nio.file.Path file = movedAs != null ? workspace.content().path(movedAs) : item.image();
    byte[] bytes =
        file.getFileSystem() == java.nio.file.FileSystems.getDefault()
            ? Files.readAllBytes(file)
            : dev.loupe.core.io.ZipInPlace.readBounded(file);
    ImageInfo info = probe.probe(bytes, item.filename());
    String hash = movedAs != null ? movedAs : ContentStore.sha256(bytes);
    pin(hash);
    boolean isNew;
    if (movedAs != null) {
      isNew = false;
    } else if (movable != null && item.image().startsWith(movable)) {
      isNew = workspace.content().moveNew(item.image(), hash);
      moved.put(item.image(), hash);
    } else {
      isNew = workspace.content().putNew(bytes, hash);
    }
    if (isNew) {
      created.add(hash);
    }
    return new Stored(item, hash, bytes.length, info);
  }

  private static void stop(ExecutorService workers) {
    workers.shutdownNow();
    try {
      workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes the files this import stored that no committed image refers to. */
  private void removeUnreferenced() {
    if (created.isEmpty()) {
      return;
    }
    Set<String> known =
        workspace.db().read(
            c -> {
              Set<String> hashes = new HashSet<>();
              try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM blob WHERE hash = ?")) {
                for (String hash : created) {
                  ps.setString(1, hash);
                  try (var rs = ps.executeQuery()) {
                    if (rs.next()) {
                      hashes.add(hash);
                    }
                  }
                }
              }
              return hashes;
            });
    for (String hash : created) {
      if (!known.contains(hash)) {
        try {
          workspace.content().delete(hash);
        } catch (IOException e) {
          // left behind; harmless
        }
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "loupe-import");
      t.setDaemon(true);
      return t;
    };
  }

  /** Collects stored images in reader order and commits them in batches. */
  private final class Batcher {
    private final Dataset dataset;
    private final int[] classMap;
    private final ImportReport report;
    private final TaskMonitor monitor;
    private final ArrayDeque<Future<Stored>> inFlight = new ArrayDeque<>();
    private final List<Stored> batch = new ArrayList<>(BATCH);
    private final Set<String> seen = new HashSet<>();
    private final Set<String> inDatabase;
    private long done;

    Batcher(Dataset dataset, int[] classMap, ImportReport report, TaskMonitor monitor) {
      this.dataset = dataset;
      this.classMap = classMap;
      this.report = report;
      this.monitor = monitor;
      this.inDatabase = loadExisting();
    }

    void submit(Future<Stored> future) {
      inFlight.add(future);
      while (inFlight.size() > IN_FLIGHT) {
        take();
      }
    }

    void finish() {
      while (!inFlight.isEmpty()) {
        take();
      }
      flush();
    }

    void abandon() {
      inFlight.forEach(f -> f.cancel(true));
      inFlight.clear();
      batch.clear();
    }

    private void take() {
      try {
        Stored stored = inFlight.poll().get();
        if (!seen.add(stored.hash()) || exists(stored.hash())) {
          report.problem(
              ImportProblem.DUPLICATE_IMAGE,
              stored.item().split().apiName() + "/" + stored.item().filename());
          report.skipped(1);
        } else {
          batch.add(stored);
        }
        if (batch.size() >= BATCH) {
          flush();
        }
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw new UncheckedIOException("cannot read image: " + io.getMessage(), io);
        }
        throw new WorkspaceException("import failed: " + cause, cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancelledException();
      }
    }

    private boolean exists(String hash) {
      return inDatabase.contains(hash);
    }

    private Set<String> loadExisting() {
      return workspace
          .db()
          .read(
              c -> {
                Set<String> hashes = new HashSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM image WHERE dataset_id = ?")) {
                  ps.setString(1, dataset.id());
                  try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                      hashes.add(rs.getString(1));
                    }
                  }
                }
                return hashes;
              });
    }

    private void flush() {
      if (batch.isEmpty()) {
        return;
      }
      monitor.checkCancelled();
      List<NewImage> images = new ArrayList<>(batch.size());
      long labelCount = 0;
      for (Stored s : batch) {
        List<Label> labels = remap(s.item().labels());
        labelCount += labels.size();
        ImageInfo info = s.info();
        String imageError = info.error();
        if (imageError != null && s.item().image() != null) {
          report.problem(problemOf(imageError), s.item().split().apiName() + "/" + s.item().filename()
              + ": " + imageError);
        }
        int width = info.width() > 0 ? info.width() : s.item().width();
        int height = info.height() > 0 ? info.height() : s.item().height();
        images.add(
            new NewImage(
                s.hash(), s.item().filename(), width, height, s.size(), s.item().split(), labels,
                imageError,
                s.item().problems().isEmpty() ? null : String.join("; ", s.item().problems()),
                s.item().url()));
      }
      long labelsInBatch = labelCount;
      ImageIndex index = workspace.images().index(dataset.id());
      workspace
          .db()
          .exclusively(
              () -> {
                List<ImageIndex.Row> rows =
                    workspace
                        .db()
                        .write(
                            c -> {
                              registerBlobs(c, batch);
                              List<ImageIndex.Row> r = workspace.images().insert(c, dataset.id(), images);
                              workspace.datasets().touch(c, dataset.id());
                              return r;
                            });
                workspace.images().appendOrForget(dataset.id(), index, rows);
                return null;
              });
      report.imported(images.size(), labelsInBatch);
      done += images.size();
      monitor.progress(done, -1, "imported " + done + " images");
      batch.clear();
    }

    private List<Label> remap(List<Label> labels) {
      if (classMap == null) {
        return labels;
      }
      List<Label> out = new ArrayList<>(labels.size());
      for (Label l : labels) {
        out.add(l.classId() < classMap.length ? l.withClassId(classMap[l.classId()]) : l);
      }
      return out;
    }

    private void registerBlobs(java.sql.Connection c, List<Stored> stored) throws java.sql.SQLException {
      Map<String, Stored> unique = new HashMap<>();
      for (Stored s : stored) {
        if (s.item().image() != null) {
          unique.putIfAbsent(s.hash(), s);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO blob (hash, size, format, width, height, thumb_state, created_at)"
                  + " SELECT ?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM blob WHERE hash = ?)")) {
        long now = workspace.revisions().now();
        for (Stored s : unique.values()) {
          ps.setString(1, s.hash());
          ps.setLong(2, s.size());
          ps.setString(3, s.info().format());
          ps.setInt(4, s.info().width());
          ps.setInt(5, s.info().height());
          ps.setInt(6, s.info().error() == null ? ThumbnailService.PENDING : ThumbnailService.FAILED);
          ps.setLong(7, now);
          ps.setString(8, s.hash());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
  }

  private static ImportProblem problemOf(String error) {
    if (error.startsWith("unsupported")) {
      return ImportProblem.UNSUPPORTED_IMAGE;
    }
    if (error.contains("smaller than")) {
      return ImportProblem.IMAGE_TOO_SMALL;
    }
    return ImportProblem.CORRUPT_IMAGE;
  }
}
