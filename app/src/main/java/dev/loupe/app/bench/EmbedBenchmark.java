package dev.loupe.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.BgrImage;
import dev.loupe.core.inference.ImageDecoding;
import dev.loupe.core.insight.BuiltinDescriptor;
import dev.loupe.core.insight.EmbedOptions;
import dev.loupe.core.insight.EmbedResult;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code loupe bench embed}: the built-in descriptor's throughput (issue 12 goal: >= 200 images/s
 * per core) through {@code Workspace.insight().embed}, on generated 640 x 480 JPEG files: a fresh
 * workspace per worker count (1 and 2; vectors are shared by content, so a workspace that had them
 * would only reuse them), then a second run that reuses every vector and a third after a tenth more
 * images were added; then the same on variants of real photographs where a folder of them is given
 * (generated pictures are smoother than photographs and decode faster). The time is the whole call: the image list and stored vectors read from H2,
 * files read and decoded (subsampled), descriptors made, vectors written a batch per transaction.
 */
public final class EmbedBenchmark {
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  private static final String DATASET = "embed";
  private static final int WARM_UP = 200;
  private static final long SEED = 1;

  private final PrintStream out;

  public EmbedBenchmark(PrintStream out) {
    this.out = out;
  }

  /** One timed {@code embed} call. */
  record Run(String what, int workers, EmbedResult result, double seconds) {
    double imagesPerSecond() {
      return result.embedded() / seconds;
    }
  }

  /**
   * Runs the benchmark on {@code images} generated pictures and, where {@code photos} holds JPEGs, on as
   * many variants of those photographs ({@link GeneratedImages#photoVariants}).
   */
  public void run(Path dir, int images, Path photos, boolean json) throws IOException {
    Path folder = dir.resolve("images");
    long start = System.nanoTime();
    List<Path> files = GeneratedImages.jpegs(folder, 0, images, WIDTH, HEIGHT, SEED);
    double drawn = (System.nanoTime() - start) / 1e9;
    List<GeneratedImages.Image> all = GeneratedImages.read(files, WIDTH, HEIGHT);
    int extra = Math.max(1, images / 10);
    List<GeneratedImages.Image> more =
        GeneratedImages.read(GeneratedImages.jpegs(folder, images, extra, WIDTH, HEIGHT, SEED), WIDTH, HEIGHT);
    long bytes = all.stream().mapToLong(i -> i.bytes().length).sum();
    double describeMs = describeOnly(all.subList(0, Math.min(100, all.size())));

    embedOnce(dir.resolve("ws-warm-up"), all.subList(0, Math.min(WARM_UP, all.size())), 2);
    List<Run> runs = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      Path wsDir = dir.resolve("ws-" + workers);
      ImportBenchmark.deleteTree(wsDir);
      try (Workspace ws = Workspace.open(wsDir)) {
        ws.datasets().create(NewDataset.of(DATASET, Task.DETECT, List.of("object")));
        GeneratedImages.add(ws, DATASET, all);
        runs.add(timed("fresh", ws, workers));
        if (workers == 2) {
          runs.add(timed("again, nothing new", ws, workers));
          GeneratedImages.add(ws, DATASET, more);
          runs.add(timed("after adding " + extra + " images", ws, workers));
        }
      }
    }
    List<GeneratedImages.Image> photoImages = GeneratedImages.photoVariants(photos, images);
    for (int workers = 1; workers <= 2 && !photoImages.isEmpty(); workers++) {
      Path wsDir = dir.resolve("ws-photos-" + workers);
      ImportBenchmark.deleteTree(wsDir);
      try (Workspace ws = Workspace.open(wsDir)) {
        ws.datasets().create(NewDataset.of(DATASET, Task.DETECT, List.of("object")));
        GeneratedImages.add(ws, DATASET, photoImages);
        runs.add(timed("photographs", ws, workers));
      }
    }
    long photoBytes = photoImages.stream().mapToLong(i -> i.bytes().length).sum();
    if (json) {
      ObjectNode node = new ObjectMapper().createObjectNode();
      node.put("images", images);
      node.put("width", WIDTH);
      node.put("height", HEIGHT);
      node.put("dimension", BuiltinDescriptor.DIMENSION);
      node.put("describeMsPerImage", describeMs);
      node.put("photographs", photoImages.size());
      ArrayNode list = node.putArray("runs");
      for (Run r : runs) {
        ObjectNode o = list.addObject();
        o.put("run", r.what());
        o.put("workers", r.workers());
        o.put("embedded", r.result().embedded());
        o.put("reused", r.result().reused());
        o.put("seconds", r.seconds());
        o.put("imagesPerSecond", r.imagesPerSecond());
        o.put("imagesPerSecondPerCore", r.imagesPerSecond() / r.workers());
      }
      out.println(node);
      return;
    }
    out.printf("## embed benchmark: %,d generated %dx%d JPEGs (%.0f KB each on average; drawn in %.1f s where"
            + " missing), built-in descriptor (%d values), %d cores, heap max %d MB%n", images, WIDTH, HEIGHT,
        bytes / 1024.0 / images, drawn, BuiltinDescriptor.DIMENSION, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf("descriptor alone on a decoded full-size image: %.2f ms%n", describeMs);
    if (!photoImages.isEmpty()) {
      out.printf("photographs: %,d variants of the JPEGs in %s (%.0f KB each on average)%n", photoImages.size(), photos,
          photoBytes / 1024.0 / photoImages.size());
    }
    for (Run r : runs) {
      out.printf("%-26s workers %d: embedded %,d, reused %,d in %.2f s", r.what(), r.workers(), r.result().embedded(),
          r.result().reused(), r.seconds());
      if (r.result().embedded() > 0) {
        out.printf(": %,.0f images/s, %,.0f images/s per core", r.imagesPerSecond(), r.imagesPerSecond() / r.workers());
      }
      out.println();
    }
  }

  private static Run timed(String what, Workspace ws, int workers) {
    EmbedResult[] result = new EmbedResult[1];
    double ms = Stopwatch.once(
        () -> result[0] = ws.insight().embed(DATASET, new EmbedOptions(null, workers), TaskMonitor.NONE));
    return new Run(what, workers, result[0], ms / 1000);
  }

  /** Warms the JIT on a throw-away workspace. */
  private static void embedOnce(Path wsDir, List<GeneratedImages.Image> images, int workers) throws IOException {
    ImportBenchmark.deleteTree(wsDir);
    try (Workspace ws = Workspace.open(wsDir)) {
      ws.datasets().create(NewDataset.of(DATASET, Task.DETECT, List.of("object")));
      GeneratedImages.add(ws, DATASET, images);
      ws.insight().embed(DATASET, new EmbedOptions(null, workers), TaskMonitor.NONE);
    }
    ImportBenchmark.deleteTree(wsDir);
  }

  /** The descriptor's own cost per image, on pictures decoded at full size beforehand (median of 5 passes). */
  private static double describeOnly(List<GeneratedImages.Image> images) throws IOException {
    ImageDecoding decoding = new ImageDecoding();
    List<BgrImage> decoded = new ArrayList<>();
    for (GeneratedImages.Image image : images) {
      decoded.add(decoding.decode(image.bytes(), image.filename()));
    }
    double[] passes = Stopwatch.repeat(5, i -> decoded.forEach(BuiltinDescriptor::describe));
    return Stopwatch.median(passes) / decoded.size();
  }
}
