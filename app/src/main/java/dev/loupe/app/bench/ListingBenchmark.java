package dev.loupe.app.bench;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.ContentStore;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewImage;
import dev.loupe.core.workspace.Workspace;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The large-dataset goals of the workspace: a dataset of N images with L labels each (default
 * 1,000,000 and 10), then first/next/deep pages for every sort and filter, class-stats cold and
 * cached, and an NDJSON export of 100,000 images. Run in a 1 GB heap:
 * {@code java -Xmx1g -jar app/target/loupe.jar bench listing}.
 */
public final class ListingBenchmark {
  private static final List<String> CLASSES =
      List.of("person", "car", "dog", "cat", "bus", "truck", "bird", "boat", "bike", "sign");

  private final PrintStream out;

  public ListingBenchmark(PrintStream out) {
    this.out = out;
  }

  /** {@code DIR [IMAGES [LABELS_PER_IMAGE [EXPORT_IMAGES]]]}. */
  public static void main(String[] args) throws Exception {
    new ListingBenchmark(System.out)
        .run(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000,
            args.length > 2 ? Integer.parseInt(args[2]) : 10, args.length > 3 ? Integer.parseInt(args[3]) : 100_000);
  }

  public void run(Path dir, int images, int labelsPerImage, int exportImages) throws Exception {
    Files.createDirectories(dir);
    out.printf("## listing benchmark: %,d images x %d labels, heap max %d MB%n", images, labelsPerImage,
        Runtime.getRuntime().maxMemory() >> 20);
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      if (ws.datasets().find("big").isPresent()) {
        out.println("reusing the datasets filled by an earlier run in " + dir);
      } else {
        double fill = Stopwatch.once(() -> fill(ws, "big", images, labelsPerImage));
        out.printf("fill (bulk add of records, not part of the goal): %.1f s, %,.0f images/s%n", fill / 1000,
            images / (fill / 1000));
        double fillExport = Stopwatch.once(() -> fill(ws, "export", exportImages, labelsPerImage));
        out.printf("fill export dataset: %.1f s%n", fillExport / 1000);
      }
    }
    ImportBenchmark.deleteTree(dir.resolve("ws").resolve("index"));
    System.gc();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      double open = Stopwatch.once(() -> ws.images().list("big", ImageQuery.all()));
      out.printf("open dataset, index built from H2 (no saved index): %.0f ms, heap used %d MB%n", open,
          Stopwatch.usedHeapMb());
    }
    System.gc();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      double open = Stopwatch.once(() -> ws.images().list("big", ImageQuery.all()));
      out.printf("open dataset, index read from the file saved at the last close: %.0f ms, heap used %d MB%n",
          open, Stopwatch.usedHeapMb());
      double statsCold = Stopwatch.once(() -> ws.classStats().get("big"));
      ClassStats stats = ws.classStats().get("big");
      double[] statsWarm = Stopwatch.repeat(5, i -> ws.classStats().get("big"));
      out.printf("class-stats first call after opening: %.1f ms (labels counted: %,d); again: median %s ms,"
              + " max %s ms%n",
          statsCold, stats.classes().stream().mapToLong(ClassStats.ClassCount::count).sum(),
          Stopwatch.fmt(Stopwatch.median(statsWarm)), Stopwatch.fmt(Stopwatch.max(statsWarm)));
      String edited = ws.images().list("big", ImageQuery.all().withPage(0, 1)).images().get(0).hash();
      double edit = Stopwatch.once(() -> ws.labels().put("big", edited,
          List.of(new BoxLabel(1, 0.5, 0.5, 0.2, 0.2))));
      double afterEdit = Stopwatch.once(() -> ws.classStats().get("big"));
      out.printf("label edit (put, sums updated in its transaction): %.1f ms; class-stats after it: %.1f ms%n",
          edit, afterEdit);
      double full = Stopwatch.once(() -> ws.classStats().recompute("big"));
      out.printf("full recomputation from every label (repair path): %.0f ms%n", full);

      List<String> filterNames = List.of("none", "split=val", "hasLabel=false", "hasError=true", "classIds=3,7",
          "search=_NN", "search=hash");
      List<UnaryOperator<ImageQuery>> filters = filters(images, 0);
      // warm-up, untimed: the JIT compiles the query paths (other search terms than the timed ones)
      for (int round = 1; round <= 10; round++) {
        for (ImageSort sort : ImageSort.values()) {
          for (UnaryOperator<ImageQuery> f : filters(images, round)) {
            ws.images().list("big", f.apply(ImageQuery.all().withSort(sort).withPage(round, 50)));
          }
        }
      }
      out.println();
      out.println("| sort | filter | total | first page ms | GC during it ms | next page (cursor) ms"
          + " | offset 900,000 ms |");
      out.println("|---|---|---|---|---|---|---|");
      double worstFirst = 0;
      double worstNext = 0;
      double worstDeep = 0;
      for (ImageSort sort : ImageSort.values()) {
        for (int f = 0; f < filters.size(); f++) {
          ImageQuery base = filters.get(f).apply(ImageQuery.all().withSort(sort).withPage(0, 50));
          ImagePage[] first = new ImagePage[1];
          long gcBefore = Stopwatch.gcMillis();
          double firstMs = Stopwatch.once(() -> first[0] = ws.images().list("big", base));
          long gcFirst = Stopwatch.gcMillis() - gcBefore;
          double nextMs = first[0].nextCursor() == null ? 0
              : Stopwatch.once(() -> ws.images().list("big", base.withCursor(first[0].nextCursor())));
          int depth = (int) Math.min(900_000, Math.max(0, first[0].total() - 50));
          double deepMs = Stopwatch.once(() -> ws.images().list("big", base.withPage(depth, 50)));
          worstFirst = Math.max(worstFirst, firstMs);
          worstNext = Math.max(worstNext, nextMs);
          worstDeep = Math.max(worstDeep, deepMs);
          out.printf("| %s | %s | %,d | %s | %d | %s | %s (at %,d) |%n", sort.apiName(), filterNames.get(f),
              first[0].total(), Stopwatch.fmt(firstMs), gcFirst, Stopwatch.fmt(nextMs), Stopwatch.fmt(deepMs),
              depth);
        }
      }
      out.printf("%nworst first page %s ms, worst next page %s ms, worst deep offset page %s ms%n",
          Stopwatch.fmt(worstFirst), Stopwatch.fmt(worstNext), Stopwatch.fmt(worstDeep));

      Path ndjson = dir.resolve("export.ndjson");
      double export = Stopwatch.once(() -> {
        try {
          ws.exportDataset("export", "ndjson", ndjson, TaskMonitor.NONE);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      out.printf("NDJSON export of %,d images: %.2f s (%,d bytes)%n", exportImages, export / 1000,
          Files.size(ndjson));
      System.gc();
      out.printf("heap used after the run: %d MB%n", Stopwatch.usedHeapMb());
    }
  }

  /**
   * The filters of the page table. Each search takes a term of its own for every sort and round (0:
   * the timed pages, 1 and up: the warm-up), so that every timed first page scans the names instead of
   * finding the term among the index's recent searches: "_10" to "_21" when timed (11,111 names of a
   * million each), and the first 10 hex digits of a different image's hash.
   */
  private static List<UnaryOperator<ImageQuery>> filters(int images, int round) {
    int first = round * ImageSort.values().length;
    return List.of(
        q -> q,
        q -> q.withSplit(Split.VAL),
        q -> q.withHasLabel(false),
        q -> q.withHasError(true),
        q -> q.withClassIds(Set.of(3, 7)),
        q -> q.withSearch("_" + (10 + first + q.sort().ordinal())),
        q -> q.withSearch(hash(images / 2 + first + q.sort().ordinal()).substring(0, 10)));
  }

  private static String hash(int i) {
    return ContentStore.sha256(("bench-" + i).getBytes(StandardCharsets.UTF_8));
  }

  /** Adds synthetic image records (no files): varied sizes, splits, names and labels. */
  static void fill(Workspace ws, String name, int images, int labelsPerImage) {
    ws.datasets().create(new NewDataset(name, name, "", Task.DETECT, CLASSES, null, null, null, null));
    Random random = new Random(1);
    Split[] splits = Split.values();
    int batch = 5000;
    for (int start = 0; start < images; start += batch) {
      List<NewImage> list = new ArrayList<>(batch);
      for (int i = start; i < Math.min(images, start + batch); i++) {
        int n = random.nextInt(10) == 0 ? 0 : Math.max(1, labelsPerImage - 3 + random.nextInt(7));
        List<Label> labels = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          labels.add(new BoxLabel(random.nextInt(CLASSES.size()), random.nextDouble(), random.nextDouble(),
              0.01 + random.nextDouble() * 0.3, 0.01 + random.nextDouble() * 0.3));
        }
        String error = random.nextInt(1000) == 0 ? "truncated JPEG" : null;
        list.add(new NewImage(hash(i), "img_" + i + ".jpg", 320 + random.nextInt(1600), 240 + random.nextInt(840),
            20_000 + random.nextInt(500_000), splits[random.nextInt(10) < 8 ? 0 : random.nextInt(2) + 1], labels,
            error, null, null));
      }
      ws.images().add(name, list);
    }
  }
}
