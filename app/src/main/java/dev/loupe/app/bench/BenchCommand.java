package dev.loupe.app.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loupe bench import|listing|gui-grid}: the speed goals, measured on demand (never in the test suite).
 * Figures go to docs/benchmarks.md with the machine they ran on.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run a benchmark: 'import' (YOLO zip import and thumbnails), 'listing' (a large"
        + " dataset: pages for every sort and filter, class-stats, NDJSON export) or 'gui-grid' (the"
        + " dataset view on a large dataset, in a window: needs a display). Run listing with"
        + " java -Xmx1g to hold it to the 1 GB goal.")
public final class BenchCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "WHICH", description = "import, listing or gui-grid")
  String which;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "bench-out",
      description = "Where generated data and scratch workspaces go (default ./bench-out).")
  Path dir;

  @Option(names = "--images", paramLabel = "N",
      description = "Images (default: 10,000 for import, 1,000,000 for listing).")
  Integer images;

  @Option(names = "--labels-per-image", paramLabel = "L", defaultValue = "10",
      description = "Labels per image for listing (default 10).")
  int labelsPerImage;

  @Option(names = "--export-images", paramLabel = "N", defaultValue = "100000",
      description = "Images in the dataset exported to NDJSON by listing (default 100,000).")
  int exportImages;

  @Option(names = "--workers", paramLabel = "N", description = "Threads (default: all cores).")
  int workers;

  @Override
  public Integer call() throws Exception {
    int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    switch (which) {
      case "import" -> new ImportBenchmark(System.out)
          .run(java.nio.file.Files.createDirectories(dir), images == null ? 10_000 : images, threads);
      case "listing" -> new ListingBenchmark(System.out)
          .run(dir.resolve("listing"), images == null ? 1_000_000 : images, labelsPerImage, exportImages);
      case "gui-grid" -> new GuiGridBenchmark(System.out)
          .run(dir.resolve("gui-grid"), images == null ? 1_000_000 : images);
      default -> throw new IllegalArgumentException("unknown benchmark '" + which + "' (import, listing or gui-grid)");
    }
    return 0;
  }
}
