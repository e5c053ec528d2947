package dev.loupe.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.map.KnnPurity;
import dev.loupe.core.map.Layout;
import dev.loupe.core.map.LayoutOptions;
import dev.loupe.core.map.Trustworthiness;
import dev.loupe.core.map.Umap;
import dev.loupe.core.task.TaskMonitor;
import java.io.PrintStream;
import java.util.Random;

/**
 * The map goals of issue 12: vectors to a 2-D map (20,000 x 512 in <= 30 s, 100,000 x 512 in <= 3
 * minutes) on Gaussian blobs, with the map's trustworthiness at k = 15 (on a sample of points above
 * {@link #EXACT_TRUST_POINTS}) and kNN purity; and, with {@code --compare-smile}, Smile's exact UMAP
 * beside ours on one set of 5,000 points on which Smile keeps every point ({@link #touchingBoxes}).
 */
public final class MapBenchmark {
  static final int K = 15;
  /** Up to this many points trustworthiness is computed over all of them. */
  static final int EXACT_TRUST_POINTS = 5_000;
  private static final int SAMPLE = 1_000;
  private static final int CLUSTERS = 20;

  private final PrintStream out;

  public MapBenchmark(PrintStream out) {
    this.out = out;
  }

  /** Gaussian blobs: unit-variance points around {@code clusters} centres drawn with {@code spread}. */
  static float[][] blobs(int n, int dims, int clusters, double spread, long seed, int[] labels) {
    Random random = new Random(seed);
    float[][] centres = new float[clusters][dims];
    for (float[] c : centres) {
      for (int d = 0; d < dims; d++) {
        c[d] = (float) (random.nextGaussian() * spread);
      }
    }
    float[][] vectors = new float[n][dims];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(clusters);
      for (int d = 0; d < dims; d++) {
        vectors[i][d] = centres[labels[i]][d] + (float) random.nextGaussian();
      }
    }
    return vectors;
  }

  /** Lays out {@code points} generated vectors of {@code dims} and reports time and quality. */
  public void run(int points, int dims, long seed, int workers, boolean json) {
    int[] labels = new int[points];
    // centres about twice as far apart as points within a cluster
    float[][] vectors = blobs(points, dims, CLUSTERS, 2.0, seed, labels);
    LayoutOptions options = LayoutOptions.defaults(seed).withWorkers(workers);
    long start = System.nanoTime();
    Layout layout = new Umap().layout(vectors, options, TaskMonitor.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    boolean sampled = points > EXACT_TRUST_POINTS;
    double trust = sampled
        ? Trustworthiness.sampled(vectors, layout, K, SAMPLE, seed)
        : Trustworthiness.of(vectors, layout, K);
    double purity = KnnPurity.sampled(layout, labels, K, sampled ? SAMPLE : points, seed);
    if (json) {
      ObjectNode node = new ObjectMapper().createObjectNode();
      node.put("points", points);
      node.put("dim", dims);
      node.put("seconds", seconds);
      node.put("trustworthiness", trust);
      out.println(node);
      return;
    }
    out.printf("## map benchmark: %,d x %d (%d Gaussian blobs), %d workers, heap max %d MB%n", points, dims,
        CLUSTERS, workers, Runtime.getRuntime().maxMemory() >> 20);
    out.printf("vectors to map: %.1f s%n", seconds);
    out.printf("trustworthiness (k=%d, %s): %.4f%n", K,
        sampled ? "a sample of " + SAMPLE + " points" : "all points", trust);
    out.printf("kNN purity (k=%d, %s): %.4f%n", K, sampled ? "a sample of " + SAMPLE + " points" : "all points",
        purity);
  }

  /**
   * Data on which Smile keeps every point (it keeps only the largest component of its kNN graph and
   * drops outliers of Gaussian blobs): 10 clusters uniform in 4-D boxes whose centres are drawn with
   * unit spread, so that they touch, mapped into {@code dims} by a random Gaussian matrix, plus noise
   * of 0.1 in every dimension.
   */
  static float[][] touchingBoxes(int n, int dims, long seed, int[] labels) {
    int intrinsic = 4;
    Random random = new Random(seed);
    double[][] centres = new double[10][intrinsic];
    for (double[] c : centres) {
      for (int d = 0; d < intrinsic; d++) {
        c[d] = random.nextGaussian();
      }
    }
    double[][] map = new double[intrinsic][dims];
    for (double[] row : map) {
      for (int d = 0; d < dims; d++) {
        row[d] = random.nextGaussian();
      }
    }
    float[][] vectors = new float[n][dims];
    double[] low = new double[intrinsic];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextInt(centres.length);
      for (int d = 0; d < intrinsic; d++) {
        low[d] = centres[labels[i]][d] + 2 * random.nextDouble() - 1;
      }
      for (int d = 0; d < dims; d++) {
        double v = 0;
        for (int m = 0; m < intrinsic; m++) {
          v += low[m] * map[m][d];
        }
        vectors[i][d] = (float) (v + 0.1 * random.nextGaussian());
      }
    }
    return vectors;
  }

  /** Smile's UMAP and ours on one set of 5,000 points, trustworthiness of each. */
  public void compareSmile(int dims, long seed, int workers) {
    int n = EXACT_TRUST_POINTS;
    int[] labels = new int[n];
    float[][] vectors = touchingBoxes(n, dims, seed, labels);
    double[][] wide = new double[n][dims];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < dims; d++) {
        wide[i][d] = vectors[i][d];
      }
    }
    out.printf("## map benchmark against Smile 3.1.1's UMAP: %,d x %d (10 touching 4-D boxes)%n", n, dims);
    smile.math.MathEx.setSeed(seed);
    long start = System.nanoTime();
    smile.manifold.UMAP exact = smile.manifold.UMAP.of(wide, K);
    double smileSeconds = (System.nanoTime() - start) / 1e9;
    int kept = exact.index.length;
    float[][] keptVectors = new float[kept][];
    float[] sx = new float[kept];
    float[] sy = new float[kept];
    for (int r = 0; r < kept; r++) {
      keptVectors[r] = vectors[exact.index[r]];
      sx[r] = (float) exact.coordinates[r][0];
      sy[r] = (float) exact.coordinates[r][1];
    }
    double smileTrust = Trustworthiness.of(keptVectors, new Layout(sx, sy), K);
    out.printf("Smile UMAP.of(data, %d): %.1f s, kept %,d of %,d points, trustworthiness %.4f%n", K, smileSeconds,
        kept, n, smileTrust);
    start = System.nanoTime();
    Layout ours = new Umap().layout(vectors, LayoutOptions.defaults(seed).withWorkers(workers), TaskMonitor.NONE);
    double oursSeconds = (System.nanoTime() - start) / 1e9;
    double oursTrust = Trustworthiness.of(vectors, ours, K);
    out.printf("Loupe Umap (PCA to 50, NN-descent): %.1f s, %,d points, trustworthiness %.4f%n", oursSeconds,
        ours.size(), oursTrust);
    out.printf("difference (Loupe - Smile): %+.4f%n", oursTrust - smileTrust);
  }
}
