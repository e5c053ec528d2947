package dev.loupe.app.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code loupe bench import|listing|...|duplicates|cold-start}: the speed goals, measured on demand (never in the test suite).
 * Figures go to docs/benchmarks.md with the machine they ran on.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run a benchmark: 'import' (YOLO zip import and thumbnails), 'listing' (a large"
        + " dataset: pages for every sort and filter, class-stats, NDJSON export; run it with"
        + " java -Xmx1g to hold it to the 1 GB goal), 'predict' (overhead around the model, images/s),"
        + " 'annotate' (auto-annotation images/s on 640x480 and 1080p images), 'gui-grid' (the"
        + " dataset view on a large dataset, in a window: needs a display), 'map' (generated"
        + " vectors to a 2-D UMAP map: seconds and trustworthiness, one JSON object with --json;"
        + " --compare-smile beside Smile's UMAP) or 'stats' (the statistics view's numbers and the"
        + " heatmap-cell scan on a large dataset; the view in a window where there is a display) or"
        + " 'explorer' (pan and zoom frame times of the map's scatter, --images points, default 100,000,"
        + " in a window: needs a display) or 'embed' (the built-in descriptor's images/s with 1 and 2"
        + " workers on --images generated 640x480 JPEGs, default 5,000, the incremental rerun, and on as many"
        + " variants of the --source photographs) or"
        + " 'similar' (similar-image queries on --images images, default 100,000, and the search alone"
        + " at --dim) or 'duplicates' (recall and precision of exact and near duplicates on --images"
        + " generated pictures, default 500, and their copies, over a sweep of thresholds); these three"
        + " print one JSON object with --json; or 'hub' (100 concurrent clients listing --images images,"
        + " default 10,000, from 'loupe serve' over loopback: p50/p95/p99) or 'cold-start' (program"
        + " start to the window's first frame, --runs times: needs a display).")
public final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "WHICH", description = "import, listing, predict, annotate, gui-grid, map, stats, explorer, embed, similar, duplicates,"
      + " hub or cold-start")
  String which;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "bench-out",
      description = "Where generated data and scratch workspaces go (default ./bench-out).")
  Path dir;

  @Option(names = "--images", paramLabel = "N",
      description = "Images (default: 10,000 for import, 1,000,000 for listing, gui-grid and stats; embed 5,000,"
          + " similar 100,000, duplicates 500 base pictures).")
  Integer images;

  @Option(names = "--labels-per-image", paramLabel = "L", defaultValue = "10",
      description = "Labels per image for listing and stats (default 10).")
  int labelsPerImage;

  @Option(names = "--export-images", paramLabel = "N", defaultValue = "100000",
      description = "Images in the dataset exported to NDJSON by listing (default 100,000).")
  int exportImages;

  @Option(names = "--workers", paramLabel = "N", description = "Threads (default: all cores).")
  int workers;

  @Option(names = "--model", paramLabel = "MODEL",
      description = "predict: the model (default: the yolov8n_int8 fixture); annotate: an ONNX model to"
          + " run (default: a stand-in predictor, the pipeline alone).")
  Path model;

  @Option(names = "--source", paramLabel = "DIR", defaultValue = "../shared/fixtures/coco8/images/train",
      description = "JPEGs for predict; the first one is the per-image case (default: coco8 train); embed:"
          + " photographs whose variants are embedded too.")
  Path source;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Session threads for predict (default: the engine's choice).")
  int sessionThreads;

  @Option(names = "--points", paramLabel = "N", defaultValue = "20000",
      description = "map: vectors to lay out (default 20,000).")
  int points;

  @Option(names = "--dim", paramLabel = "D", defaultValue = "512",
      description = "map: dimensions of each vector; similar: of the vectors searched alone (default 512).")
  int dim;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "map, similar, duplicates: seed of the generated data (and the map's layout; default 1).")
  long seed;

  /** The command as parsed: map reads the global {@code --json} through it. */
  @Spec CommandSpec spec;

  @Option(names = "--compare-smile",
      description = "map: lay out 5,000 points with Smile's exact UMAP and with Loupe's, print both"
          + " trustworthiness figures.")
  boolean compareSmile;

  @Option(names = "--launcher", paramLabel = "PROGRAM",
      description = "cold-start: the program to start (default: java -jar with this jar), e.g. the"
          + " app-image's packaging/target/jpackage/Loupe/bin/Loupe.")
  Path launcher;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "6",
      description = "cold-start: how many starts (default 6; the first is reported apart).")
  int runs;

  @Override
  public Integer call() throws Exception {
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    switch (which) {
      case "import" -> new ImportBenchmark(System.out)
          .run(java.nio.file.Files.createDirectories(dir), images == null ? 10_000 : images, threads);
      case "annotate" -> {
        dev.loupe.app.cli.ModelRuntime runtime = dev.loupe.app.cli.ModelRuntime.engines();
        new AnnotateBenchmark(System.out).run(java.nio.file.Files.createDirectories(dir),
            images == null ? 200 : images, model, runtime::inspect, runtime, threads);
      }
      case "listing" -> new ListingBenchmark(System.out)
          .run(dir.resolve("listing"), images == null ? 1_000_000 : images, labelsPerImage, exportImages);
      case "predict" -> new PredictBenchmark(System.out)
          .run(model != null ? model : Path.of("../shared/fixtures/models/yolov8n_int8.onnx"),
              firstJpeg(source), source, java.nio.file.Files.createDirectories(dir),
              images == null ? 64 : images, sessionThreads, 50);
      case "gui-grid" -> new GuiGridBenchmark(System.out)
          .run(dir.resolve("gui-grid"), images == null ? 1_000_000 : images);
      case "map" -> {
        MapBenchmark map = new MapBenchmark(System.out);
        if (compareSmile) {
          map.compareSmile(dim, seed, threads);
        } else {
          map.run(points, dim, seed, threads, globalJson());
        }
      }
      case "stats" -> new StatsBenchmark(System.out)
          .run(dir.resolve("stats"), images == null ? 1_000_000 : images, labelsPerImage);
      case "explorer" -> new ExplorerBenchmark(System.out)
          .run(dir.resolve("explorer"), images == null ? 100_000 : images);
      case "embed" -> new EmbedBenchmark(System.out)
          .run(dir.resolve("embed"), images == null ? 5_000 : images, source, globalJson());
      case "similar" -> new SimilarBenchmark(System.out)
          .run(dir.resolve("similar"), images == null ? 100_000 : images, dim, seed, threads, globalJson());
      case "hub" -> new HubBenchmark(System.out).run(dir.resolve("hub"), images == null ? 10_000 : images);
      case "duplicates" -> new DuplicatesBenchmark(System.out)
          .run(dir.resolve("duplicates"), images == null ? 500 : images, seed, globalJson());
      case "cold-start" -> new ColdStartBenchmark(System.out).run(dir.resolve("cold-start"),
          launcher == null ? ColdStartBenchmark.thisJar() : java.util.List.of(launcher.toString()), runs);
      default -> throw new IllegalArgumentException(
          "unknown benchmark '" + which + "' (import, listing, predict, annotate, gui-grid, map, stats, explorer, embed,"
              + " similar, duplicates, hub or cold-start)");
    }
    return 0;
  }

  /** Whether the global {@code --json} was given (map, embed, similar, duplicates print one JSON object then). */
  private boolean globalJson() {
    OptionSpec json = spec == null ? null : spec.findOption("--json");
    return json != null && Boolean.TRUE.equals(json.getValue());
  }

  private static Path firstJpeg(Path folder) throws java.io.IOException {
    try (var files = java.nio.file.Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst()
          .orElseThrow(() -> new java.io.IOException("no .jpg in " + folder));
    }
  }
}
