package dev.loupe.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.EmbedResult;
import dev.loupe.core.insight.SimilarImage;
import dev.loupe.core.insight.SyntheticImages;
import dev.loupe.core.insight.VectorMatrix;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * {@code loupe bench similar}: {@code similar} on a dataset of 100,000 images (issue 12 goal: <= 50
 * ms). The workspace has no public way to store vectors without images, so the dataset is made of
 * tiny generated pictures ({@value #SIDE_W} x {@value #SIDE_H} JPEGs, each different), embedded by the
 * built-in descriptor; the dataset is kept in {@code --dir} and reused by a later run. On a freshly
 * opened workspace: the first query (which reads the vectors from H2 and builds the in-memory
 * matrix), {@value #QUERIES} queries for different images picked at random, the query after a write
 * (the matrix is built again), and the search alone ({@link VectorMatrix}) on random vectors of
 * {@code --dim} values, the size a model's vectors would have.
 */
public final class SimilarBenchmark {
  static final int SIDE_W = 32;
  static final int SIDE_H = 24;
  static final int QUERIES = 200;
  static final int K = 10;
  private static final String DATASET = "similar";
  private static final int GENERATE_BATCH = 10_000;

  private final PrintStream out;

  public SimilarBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dir, int images, int dim, long seed, int workers, boolean json) throws IOException {
    Path wsDir = dir.resolve("ws");
    String fill = fill(wsDir, images, seed, workers);
    System.gc();
    double first;
    double[] later;
    double afterWrite;
    int matrixRows;
    try (Workspace ws = Workspace.open(wsDir)) {
      List<String> hashes = hashes(ws);
      matrixRows = hashes.size();
      Random random = new Random(seed);
      Collections.shuffle(hashes, random);
      String firstHash = hashes.get(0);
      List<List<SimilarImage>> found = new ArrayList<>();
      first = Stopwatch.once(() -> found.add(ws.insight().similar(DATASET, firstHash, K, null)));
      if (found.get(0).size() != K) {
        throw new IllegalStateException("similar gave " + found.get(0).size() + " images, not " + K);
      }
      later = Stopwatch.repeat(QUERIES, i -> ws.insight().similar(DATASET, hashes.get(1 + i), K, null));
      String moved = hashes.get(QUERIES + 1);
      ws.images().moveToSplit(DATASET, List.of(moved), Split.VAL);
      afterWrite = Stopwatch.once(() -> ws.insight().similar(DATASET, hashes.get(QUERIES + 2), K, null));
      ws.images().moveToSplit(DATASET, List.of(moved), Split.TRAIN);
    }
    double[] alone = searchAlone(images, dim, seed);
    double buildMs = alone[0];
    double[] aloneQueries = java.util.Arrays.copyOfRange(alone, 1, alone.length);
    if (json) {
      ObjectNode node = new ObjectMapper().createObjectNode();
      node.put("images", matrixRows);
      node.put("k", K);
      node.put("firstQueryMs", first);
      node.put("queries", QUERIES);
      node.put("p50Ms", Stopwatch.percentile(later, 50));
      node.put("p95Ms", Stopwatch.percentile(later, 95));
      node.put("maxMs", Stopwatch.max(later));
      node.put("afterWriteMs", afterWrite);
      ObjectNode search = node.putObject("searchAlone");
      search.put("dim", dim);
      search.put("buildMs", buildMs);
      search.put("p50Ms", Stopwatch.percentile(aloneQueries, 50));
      search.put("p95Ms", Stopwatch.percentile(aloneQueries, 95));
      search.put("maxMs", Stopwatch.max(aloneQueries));
      out.println(node);
      return;
    }
    out.printf("## similar benchmark: %,d images (%dx%d generated JPEGs, built-in vectors), k = %d, heap max %d MB%n",
        matrixRows, SIDE_W, SIDE_H, K, Runtime.getRuntime().maxMemory() >> 20);
    out.println(fill);
    out.printf("first query after opening the workspace (vectors read from H2, matrix built): %.0f ms%n", first);
    out.printf("%d later queries, each for another image: p50 %s ms, p95 %s ms, max %s ms%n", QUERIES,
        Stopwatch.fmt(Stopwatch.percentile(later, 50)), Stopwatch.fmt(Stopwatch.percentile(later, 95)),
        Stopwatch.fmt(Stopwatch.max(later)));
    out.printf("first query after a write (one image moved to val: the matrix is built again): %.0f ms%n", afterWrite);
    out.printf("search alone (VectorMatrix), %,d random vectors of %d: built in %.0f ms; %d queries p50 %s ms,"
            + " p95 %s ms, max %s ms%n", images, dim, buildMs, QUERIES,
        Stopwatch.fmt(Stopwatch.percentile(aloneQueries, 50)), Stopwatch.fmt(Stopwatch.percentile(aloneQueries, 95)),
        Stopwatch.fmt(Stopwatch.max(aloneQueries)));
  }

  /** Makes the dataset of {@code images} tiny pictures with their vectors unless it is there; says what it did. */
  private static String fill(Path wsDir, int images, long seed, int workers) {
    try (Workspace ws = Workspace.open(wsDir)) {
      if (ws.datasets().find(DATASET).isPresent() && ws.images().counts(DATASET).images() == images) {
        return "reusing the dataset (and its vectors) made by an earlier run in " + wsDir;
      }
      if (ws.datasets().find(DATASET).isPresent()) {
        throw new IllegalArgumentException(wsDir + " holds a dataset of another size; delete it or pick another --dir");
      }
      ws.datasets().create(NewDataset.of(DATASET, Task.DETECT, List.of("object")));
      long start = System.nanoTime();
      for (int from = 0; from < images; from += GENERATE_BATCH) {
        int count = Math.min(GENERATE_BATCH, images - from);
        int base = from;
        List<GeneratedImages.Image> batch = IntStream.range(0, count).parallel()
            .mapToObj(i -> new GeneratedImages.Image(String.format("tiny-%07d.jpg", base + i),
                SyntheticImages.jpeg(SyntheticImages.picture(seed * 1_000_003L + base + i, SIDE_W, SIDE_H), 0.9f),
                SIDE_W, SIDE_H, Split.TRAIN))
            .toList();
        GeneratedImages.add(ws, DATASET, batch);
      }
      double added = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      EmbedResult embedded = ws.insight().embed(DATASET, new EmbedOptions(null, workers), TaskMonitor.NONE);
      double embedSeconds = (System.nanoTime() - start) / 1e9;
      return String.format("made the dataset (not part of the goal): images drawn, stored and added in %.1f s;"
          + " %,d embedded in %.1f s", added, embedded.embedded(), embedSeconds);
    }
  }

  /** Every image hash of the dataset, page by page. */
  private static List<String> hashes(Workspace ws) {
    List<String> out = new ArrayList<>();
    ImageQuery query = ImageQuery.all().withPage(0, ImageQuery.MAX_LIMIT);
    while (true) {
      ImagePage page = ws.images().list(DATASET, query);
      page.images().stream().map(ImageRecord::hash).forEach(out::add);
      if (page.nextCursor() == null) {
        return out;
      }
      query = query.withCursor(page.nextCursor());
    }
  }

  /** Build time of a matrix of {@code n} random vectors, then the times of {@value #QUERIES} queries. */
  private static double[] searchAlone(int n, int dim, long seed) {
    Random random = new Random(seed);
    List<float[]> vectors = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] v = new float[dim];
      for (int d = 0; d < dim; d++) {
        v[d] = (float) random.nextGaussian();
      }
      vectors.add(v);
    }
    double[] out = new double[QUERIES + 1];
    VectorMatrix[] matrix = new VectorMatrix[1];
    out[0] = Stopwatch.once(() -> matrix[0] = new VectorMatrix(vectors, dim));
    vectors.clear();
    double[] queries = Stopwatch.repeat(QUERIES, i -> matrix[0].nearest(random.nextInt(n), K));
    System.arraycopy(queries, 0, out, 1, QUERIES);
    return out;
  }
}
