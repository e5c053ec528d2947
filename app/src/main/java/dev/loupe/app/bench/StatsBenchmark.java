package dev.loupe.app.bench;

import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.stats.StatisticsData;
import dev.loupe.app.gui.stats.StatisticsSource;
import dev.loupe.app.gui.stats.StatisticsView;
import dev.loupe.app.gui.stats.StatisticsViewModel;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.stats.ClassStats;
import dev.loupe.core.task.TaskMonitor;
import dev.loupe.core.workspace.CellImages;
import dev.loupe.core.workspace.HeatmapCell;
import dev.loupe.core.workspace.HeatmapCellScan;
import dev.loupe.core.workspace.ImagePage;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code loupe bench stats}: the statistics view on a large dataset (default 1,000,000 images, the
 * listing benchmark's records): reading its numbers (class statistics and split counts) on a fresh
 * workspace and again, the heatmap-cell scan that a click on a cell starts, the listing of the
 * images it found, and, where a display is available (run under {@code xvfb-run}), the view in a
 * window from opening the dataset to the first frame drawn with the numbers.
 */
public final class StatsBenchmark {
  private final PrintStream out;

  public StatsBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dir, int images, int labelsPerImage) throws Exception {
    Files.createDirectories(dir);
    out.printf("## stats benchmark: %,d images x about %d labels, heap max %d MB%n", images, labelsPerImage,
        Runtime.getRuntime().maxMemory() >> 20);
    Path wsDir = dir.resolve("ws");
    try (Workspace ws = Workspace.open(wsDir)) {
      if (ws.datasets().find("big").isEmpty()) {
        double fill = Stopwatch.once(() -> ListingBenchmark.fill(ws, "big", images, labelsPerImage));
        out.printf("fill (bulk add of records, not part of the goal): %.1f s%n", fill / 1000);
      } else {
        out.println("reusing the dataset filled by an earlier run in " + dir);
      }
    }
    System.gc();
    try (Workspace ws = Workspace.open(wsDir)) {
      StatisticsSource source = StatisticsSource.of(ws);
      String id = ws.datasets().require("big").id();
      StatisticsData[] first = new StatisticsData[1];
      double cold = Stopwatch.once(() -> first[0] = source.read(id));
      double[] warm = Stopwatch.repeat(5, i -> source.read(id));
      long labels = first[0].stats().classes().stream().mapToLong(ClassStats.ClassCount::count).sum();
      out.printf("statistics view's numbers (class-stats + split counts), first read after opening the workspace"
              + " (image index read from its file): %.0f ms; again: median %s ms (labels %,d, images %,d)%n",
          cold, Stopwatch.fmt(Stopwatch.median(warm)), labels, first[0].stats().sampleSize());
      scans(ws, first[0].stats());
    }
    System.gc();
    try (Workspace ws = Workspace.open(wsDir)) {
      window(ws);
    }
  }

  private void scans(Workspace ws, ClassStats stats) {
    long[][] bins = stats.locationHeatmap().bins();
    int row = 0;
    int column = 0;
    for (int r = 0; r < bins.length; r++) {
      for (int c = 0; c < bins.length; c++) {
        if (bins[r][c] > bins[row][column]) {
          row = r;
          column = c;
        }
      }
    }
    HeatmapCellScan scan = new HeatmapCellScan(ws);
    HeatmapCell busiest = new HeatmapCell(HeatmapCell.Heatmap.LOCATION, row, column);
    HeatmapCell dims = new HeatmapCell(HeatmapCell.Heatmap.DIMENSION, 2, 3);
    for (HeatmapCell cell : new HeatmapCell[] {busiest, busiest, dims}) {
      CellImages[] found = new CellImages[1];
      double ms = Stopwatch.once(() -> found[0] = scan.scan("big", cell, TaskMonitor.NONE));
      out.printf("heatmap-cell scan %s %d,%d: %.0f ms, %,d images, %,d labels (heatmap count %,d)%n",
          cell.heatmap(), cell.row(), cell.column(), ms, found[0].hashes().size(), found[0].labels(),
          (cell.heatmap() == HeatmapCell.Heatmap.LOCATION ? bins : stats.dimensionHeatmap().bins())
              [cell.row()][cell.column()]);
      ImageQuery q = ImageQuery.all().withHashes(found[0].hashes());
      ImagePage[] page = new ImagePage[1];
      double firstPage = Stopwatch.once(() -> page[0] = ws.images().list("big", q));
      double next = Stopwatch.once(() -> ws.images().list("big", q.withCursor(page[0].nextCursor())));
      out.printf("  listing filtered to those images: first page %s ms (total %,d), next page %s ms%n",
          Stopwatch.fmt(firstPage), page[0].total(), Stopwatch.fmt(next));
    }
  }

  /** The view in a window: from opening the dataset to the first frame after its numbers arrived. */
  private void window(Workspace ws) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    try {
      Platform.startup(started::countDown);
    } catch (RuntimeException | Error e) {
      out.println("no display (" + e.getMessage() + "): the window was not timed; run under xvfb-run");
      return;
    }
    started.await();
    Platform.setImplicitExit(false);
    Dataset big = ws.datasets().require("big");
    try (BackgroundTasks tasks = BackgroundTasks.create()) {
      StatisticsViewModel model = FxCall.call(() -> new StatisticsViewModel(ws, tasks));
      Stage stage = FxCall.call(() -> {
        Stage s = new Stage();
        Scene scene = new Scene(new StatisticsView(model), 1200, 900);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        s.setScene(scene);
        s.show();
        return s;
      });
      Thread.sleep(500);
      CompletableFuture<double[]> painted = new CompletableFuture<>();
      long[] t0 = new long[1];
      FxCall.call(() -> {
        long[] dataAt = {0};
        model.dataProperty().addListener((o, a, d) -> {
          if (d != null && dataAt[0] == 0) {
            dataAt[0] = System.nanoTime();
            new AnimationTimer() {
              @Override
              public void handle(long now) {
                stop();
                painted.complete(new double[] {(dataAt[0] - t0[0]) / 1e6, (System.nanoTime() - t0[0]) / 1e6});
              }
            }.start();
          }
        });
        t0[0] = System.nanoTime();
        model.open(big);
        model.setActive(true);
        return null;
      });
      double[] ms = painted.get(120, TimeUnit.SECONDS);
      out.printf("statistics view in a window: numbers on the FX thread %.0f ms after opening the dataset"
          + " (image index read from its file), first frame with them %.0f ms%n", ms[0], ms[1]);
      FxCall.call(() -> {
        stage.hide();
        return null;
      });
    } finally {
      Platform.exit();
    }
  }

}
