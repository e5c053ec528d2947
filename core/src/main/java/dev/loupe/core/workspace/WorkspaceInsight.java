package dev.loupe.core.workspace;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.inference.EngineOptions;
import dev.loupe.core.inference.ModelLoader;
import dev.loupe.core.insight.BuiltinDescriptor;
import dev.loupe.core.insight.DatasetInsight;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.domain.Split;
import dev.loupe.core.inference.ImageDecoding;
import dev.loupe.core.insight.DuplicateFinder;
import dev.loupe.core.insight.DuplicateGroup;
import dev.loupe.core.insight.DuplicateImage;
import dev.loupe.core.insight.Fingerprint;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.EmbedResult;
import dev.loupe.core.insight.MapOptions;
import dev.loupe.core.insight.MapPoint;
import dev.loupe.core.insight.SimilarImage;
import dev.loupe.core.insight.VectorMatrix;
import dev.loupe.core.map.Clusterer;
import dev.loupe.core.map.Layout;
import dev.loupe.core.map.MapLayouter;
import dev.loupe.core.task.TaskMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace's {@link DatasetInsight}: vectors stored by image content and model (made only for
 * images that lack one), similar images by brute force over an in-memory matrix per dataset and
 * model (made again when the dataset's revision or the stored vectors change), duplicates from
 * stored fingerprints, and maps laid out by a {@link MapLayouter} and coloured by a {@link Clusterer}.
 */
final class WorkspaceInsight implements DatasetInsight {
  private static final int BATCH = 256;

  private final Workspace workspace;
  private final MapLayouter layouter;
  private final Clusterer clusterer;
  private final EmbeddingStore embeddings;
  private final FingerprintStore fingerprints;
  private final MapStore maps;
  /** Counts the writes of vectors: a matrix made before the last write is stale. */
  private final AtomicLong vectorWrites = new AtomicLong();
  private final Map<String, Matrix> matrices = new ConcurrentHashMap<>();

  WorkspaceInsight(Workspace workspace, MapLayouter layouter, Clusterer clusterer) {
    this.workspace = workspace;
    this.layouter = layouter;
    this.clusterer = clusterer;
    this.embeddings = new EmbeddingStore(workspace.db(), workspace.revisions());
    this.fingerprints = new FingerprintStore(workspace.db(), workspace.revisions());
    this.maps = new MapStore(workspace.db());
  }

  @Override
  public EmbedResult embed(String dataset, EmbedOptions options, TaskMonitor monitor) {
    Dataset d = workspace.datasets().require(dataset);
    List<InsightImage> images = workspace.db().read(c -> InsightImage.all(c, d.id()));
    if (images.isEmpty()) {
      throw new IllegalArgumentException("dataset '" + d.slug() + "' has no images to embed");
    }
    String model = modelKey(options.modelId());
    Set<String> present = embeddings.present(d.id(), model);
    List<InsightImage> missing = images.stream().filter(i -> !present.contains(i.hash())).toList();
    if (missing.isEmpty()) {
      return new EmbedResult(d.id(), 0, images.size(), embeddings.dimension(d.id(), model), model);
    }
    int dimension;
    try (VectorSource source = open(model, options)) {
      dimension = embedAll(missing, model, source, options.workers(), monitor);
    }
    return new EmbedResult(d.id(), missing.size(), images.size() - missing.size(), dimension, model);
  }

  /**
   * Makes and stores the vectors of {@code images}, a batch per transaction; an image that cannot be
   * read gets a zero vector (it is then near nothing). Returns the vectors' length.
   */
  private int embedAll(List<InsightImage> images, String model, VectorSource source, int workers, TaskMonitor monitor) {
    int[] dimension = {model.equals(BuiltinDescriptor.MODEL) ? BuiltinDescriptor.DIMENSION : 0};
    List<String> unreadable = new ArrayList<>();
    ImageBatches.run(
        images,
        workers,
        BATCH,
        image -> source.vector(workspace.content().path(image.hash()), image.filename()),
        (batch, vectors) -> {
          List<EmbeddingStore.Entry> entries = new ArrayList<>();
          for (int i = 0; i < batch.size(); i++) {
            float[] v = vectors.get(i);
            if (v == null) {
              unreadable.add(batch.get(i).hash());
            } else {
              if (dimension[0] == 0) {
                dimension[0] = v.length;
              } else if (v.length != dimension[0]) {
                throw new IllegalArgumentException(
                    "model '" + model + "' gave vectors of " + dimension[0] + " and of " + v.length + " values");
              }
              entries.add(new EmbeddingStore.Entry(batch.get(i).hash(), v));
            }
          }
          if (dimension[0] > 0) {
            unreadable.forEach(hash -> entries.add(new EmbeddingStore.Entry(hash, new float[dimension[0]])));
            unreadable.clear();
          }
          store(model, entries);
        },
        monitor,
        "embedding");
    if (dimension[0] == 0) {
      throw new UncheckedIOException(
          new IOException("none of the " + images.size() + " images to embed could be read"));
    }
    return dimension[0];
  }

  private void store(String model, List<EmbeddingStore.Entry> entries) {
    embeddings.put(model, entries);
    vectorWrites.incrementAndGet();
  }

  /** {@code builtin}, or the id of the registered model named by id or slug. */
  private String modelKey(String model) {
    if (model == null || model.equals(BuiltinDescriptor.MODEL)) {
      return BuiltinDescriptor.MODEL;
    }
    return workspace.models().require(model).id();
  }

  private VectorSource open(String model, EmbedOptions options) {
    if (model.equals(BuiltinDescriptor.MODEL)) {
      return VectorSource.builtin();
    }
    ModelRecord record = workspace.models().require(model);
    try {
      return new ModelVectors(
          ModelLoader.load(workspace.models().runnableFile(record), EngineOptions.DEFAULTS), record.slug());
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  @Override
  public List<SimilarImage> similar(String dataset, String hash, int k, String model) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, was " + k);
    }
    Dataset d = workspace.datasets().require(dataset);
    String key = modelKey(model);
    Matrix m = matrix(d, key);
    Integer row = m.rows().get(hash);
    if (row == null) {
      workspace.images().require(d.id(), hash);
      throw new IllegalArgumentException(
          "image " + hash + " has no " + key + " vector yet; embed dataset '" + d.slug() + "' first");
    }
    List<SimilarImage> out = new ArrayList<>(k);
    for (VectorMatrix.Neighbour n : m.matrix().nearest(row, k)) {
      InsightImage image = m.images().get(n.index());
      out.add(new SimilarImage(image.hash(), image.filename(), n.distance()));
    }
    return out;
  }

  /** The vectors of a dataset's images in memory, as of a dataset revision and a count of vector writes. */
  private record Matrix(long revision, long writes, List<InsightImage> images, Map<String, Integer> rows, VectorMatrix matrix) {}

  private Matrix matrix(Dataset d, String model) {
    String key = d.id() + "/" + model;
    long writes = vectorWrites.get();
    Matrix cached = matrices.get(key);
    if (cached != null && cached.revision() == d.revision() && cached.writes() == writes) {
      return cached;
    }
    Map<String, float[]> vectors = embeddings.vectors(d.id(), model);
    List<InsightImage> images = new ArrayList<>(vectors.size());
    List<float[]> rows = new ArrayList<>(vectors.size());
    Map<String, Integer> index = new HashMap<>();
    for (InsightImage image : workspace.db().read(c -> InsightImage.all(c, d.id()))) {
      float[] v = vectors.get(image.hash());
      if (v != null) {
        index.put(image.hash(), images.size());
        images.add(image);
        rows.add(v);
      }
    }
    int dimension = rows.isEmpty() ? 1 : rows.get(0).length;
    Matrix made = new Matrix(d.revision(), writes, images, index, new VectorMatrix(rows, dimension));
    matrices.put(key, made);
    return made;
  }

  @Override
  public DatasetMap map(String dataset, MapOptions options, TaskMonitor monitor) {
    Dataset d = workspace.datasets().require(dataset);
    List<InsightImage> images = workspace.db().read(c -> InsightImage.all(c, d.id()));
    int needed = options.layout().neighbours() + 1;
    if (images.isEmpty()) {
      throw new IllegalArgumentException("dataset '" + d.slug() + "' has no images to map");
    }
    if (images.size() < needed) {
      throw new IllegalArgumentException("dataset '" + d.slug() + "' has " + images.size() + " images; a map of "
          + options.layout().neighbours() + " neighbours needs at least " + needed);
    }
    EmbedResult embedded = embed(dataset, options.embed(), monitor);
    String model = embedded.model();
    Map<String, float[]> vectors = embeddings.vectors(d.id(), model);
    float[][] rows = new float[images.size()][];
    for (int i = 0; i < rows.length; i++) {
      float[] v = vectors.get(images.get(i).hash());
      rows[i] = v == null ? new float[embedded.dimension()] : v;
    }
    monitor.progress(0, -1, "laying out " + rows.length + " images");
    Layout layout = layouter.layout(rows, options.layout(), monitor);
    float[][] points = new float[layout.size()][];
    for (int i = 0; i < points.length; i++) {
      points[i] = new float[] {layout.x()[i], layout.y()[i]};
    }
    int k = options.clusters() > 0 ? options.clusters() : clustersFor(points.length);
    monitor.checkCancelled();
    int[] clusters = clusterer.cluster(points, k, options.layout().seed());
    List<MapStore.Point> stored = new ArrayList<>(points.length);
    for (int i = 0; i < points.length; i++) {
      stored.add(new MapStore.Point(images.get(i).hash(), layout.x()[i], layout.y()[i], clusters[i]));
    }
    MapStore.Stored map = new MapStore.Stored(
        d.id(), model, options.layout().seed(), k, Instant.ofEpochMilli(workspace.revisions().now()), stored);
    maps.put(map);
    return withImages(map, images);
  }

  /** About sqrt(n / 2) clusters, 1 to 20. */
  static int clustersFor(int points) {
    return Math.max(1, Math.min(20, (int) Math.round(Math.sqrt(points / 2.0))));
  }

  @Override
  public Optional<DatasetMap> storedMap(String dataset, String model) {
    Dataset d = workspace.datasets().require(dataset);
    return maps.newest(d.id(), modelKey(model))
        .map(m -> withImages(m, workspace.db().read(c -> InsightImage.all(c, d.id()))));
  }

  /** A stored map with its images' names, splits and label counts now; points of deleted images are left out. */
  private static DatasetMap withImages(MapStore.Stored map, List<InsightImage> images) {
    Map<String, InsightImage> byHash = new HashMap<>();
    images.forEach(i -> byHash.put(i.hash(), i));
    List<MapPoint> points = new ArrayList<>(map.points().size());
    for (MapStore.Point p : map.points()) {
      InsightImage image = byHash.get(p.hash());
      if (image != null) {
        points.add(new MapPoint(p.hash(), image.filename(), p.x(), p.y(), p.cluster(), image.split(), image.labelCount()));
      }
    }
    return new DatasetMap(map.datasetId(), map.model(), map.seed(), map.clusters(), map.createdAt(), points);
  }

  @Override
  public List<DuplicateGroup> duplicates(String dataset, double threshold, TaskMonitor monitor) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be from 0 to 1, was " + threshold);
    }
    Dataset d = workspace.datasets().require(dataset);
    List<InsightImage> images = workspace.db().read(c -> InsightImage.all(c, d.id()));
    Map<String, Fingerprint> known = fingerprints.of(d.id());
    List<InsightImage> missing = images.stream().filter(i -> !known.containsKey(i.hash())).toList();
    if (!missing.isEmpty()) {
      ImageDecoding decoding = new ImageDecoding();
      ImageBatches.run(
          missing,
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          BATCH,
          image -> Fingerprint.of(decoding.read(workspace.content().path(image.hash()))),
          (batch, prints) -> {
            List<FingerprintStore.Entry> entries = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
              Fingerprint f = prints.get(i) == null ? Fingerprint.unreadable() : prints.get(i);
              entries.add(new FingerprintStore.Entry(batch.get(i).hash(), f));
              known.put(batch.get(i).hash(), f);
            }
            fingerprints.put(entries);
          },
          monitor,
          "fingerprinting");
    }
    List<Fingerprint> prints = images.stream().map(i -> known.get(i.hash())).toList();
    List<DuplicateGroup> out = new ArrayList<>();
    for (DuplicateFinder.Group g : DuplicateFinder.find(prints, threshold, monitor)) {
      List<DuplicateImage> members = new ArrayList<>();
      java.util.Set<Split> splits = java.util.EnumSet.noneOf(Split.class);
      for (int m : g.members()) {
        InsightImage image = images.get(m);
        members.add(new DuplicateImage(image.hash(), image.filename(), image.split()));
        splits.add(image.split());
      }
      out.add(new DuplicateGroup(g.kind(), splits.size() > 1, members));
    }
    return out;
  }
}
