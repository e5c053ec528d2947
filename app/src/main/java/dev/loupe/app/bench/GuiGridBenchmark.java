package dev.loupe.app.bench;

import dev.loupe.app.gui.MainViewModel;
import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.grid.DatasetViewModel;
import dev.loupe.app.gui.grid.ImagePages;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.app.gui.grid.ThumbnailGrid;
import dev.loupe.app.gui.labeling.PreviewLabelingHost;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Split;
import dev.loupe.core.workspace.ImageSort;
import dev.loupe.core.workspace.Workspace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * {@code loupe bench gui-grid}: the dataset view on a large dataset (default 1,000,000 images, the
 * listing benchmark's records), in the real window. Times opening the dataset until the first screen
 * of tiles has its records, a fast smooth scroll (frame by frame), jumps to random rows, and filter
 * and sort changes; and counts how many records the view fetched and holds. Needs a display (run it
 * under {@code xvfb-run}). Synthetic records have no image files, so tiles stay placeholders: this
 * measures the grid and its paging, not JPEG decoding.
 */
public final class GuiGridBenchmark {
  private static final int SCROLL_FRAMES = 600;
  private static final double SCROLL_PX_PER_FRAME = 400;
  private static final int JUMPS = 50;

  private final PrintStream out;
  private DatasetViewModel grid;
  private ThumbnailGrid view;

  public GuiGridBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dir, int images) throws Exception {
    Files.createDirectories(dir);
    out.printf("## gui-grid benchmark: %,d images, heap max %d MB%n", images, Runtime.getRuntime().maxMemory() >> 20);
    Path wsDir = dir.resolve("ws");
    try (Workspace ws = Workspace.open(wsDir)) {
      if (ws.datasets().find("big").isEmpty()) {
        double fill = Stopwatch.once(() -> ListingBenchmark.fill(ws, "big", images, 10));
        out.printf("fill (bulk add of records, not part of the goal): %.1f s%n", fill / 1000);
      } else {
        out.println("reusing the dataset filled by an earlier run in " + dir);
      }
    }
    System.gc();
    try (Workspace ws = Workspace.open(wsDir)) {
      double index = Stopwatch.once(() -> ws.images().counts("big"));
      out.printf("core alone, first: read the saved image index of the dataset: %.0f ms (JVM cold)%n", index);
    }
    System.gc();
    try (Workspace ws = Workspace.open(wsDir)) {
      CountDownLatch started = new CountDownLatch(1);
      Platform.startup(started::countDown);
      started.await();
      Platform.setImplicitExit(false);
      measure(ws);
    } finally {
      Platform.exit();
    }
  }

  private void measure(Workspace ws) throws Exception {
    BackgroundTasks tasks = BackgroundTasks.create();
    ExecutorService fetcher = Executors.newSingleThreadExecutor();
    ThumbnailCache thumbnails = ThumbnailCache.forWorkspace(ws, Platform::runLater);
    MainViewModel model = FxCall.call(() -> new MainViewModel(ws, tasks, fetcher, Platform::runLater));
    Stage stage = FxCall.call(() -> {
      MainWindow window = new MainWindow(model, thumbnails,
          new PreviewLabelingHost(ws, model.colors(), fetcher, Platform::runLater));
      view = window.datasetView().grid();
      Stage s = new Stage();
      s.setScene(window.scene(1440, 900));
      s.show();
      return s;
    });
    grid = model.datasetView();
    Thread.sleep(500);

    long t0 = System.nanoTime();
    FxCall.call(() -> {
      model.start();
      return null;
    });
    waitUntil(this::firstScreenReady);
    double openMs = (System.nanoTime() - t0) / 1e6;
    out.printf("open the dataset in the window (index read again, first page, layout) until the first screen"
            + " of tiles has its records: %.0f ms (total %,d,"
            + " records fetched %,d, heap used %d MB)%n", openMs, FxCall.call(() -> grid.totalProperty().get()),
        FxCall.call(() -> grid.pages().fetchedRecords()), Stopwatch.usedHeapMb());

    scroll();
    jumps();
    change("filter split=val", () -> grid.splitProperty().set(Split.VAL));
    change("filter split=any, labeled only", () -> {
      grid.splitProperty().set(null);
      grid.hasLabelProperty().set(true);
    });
    change("sort name-asc", () -> grid.sortProperty().set(ImageSort.NAME_ASC));
    change("search img_4242", () -> grid.searchProperty().set("img_4242"));
    FxCall.call(() -> {
      grid.searchProperty().set("");
      grid.hasLabelProperty().set(null);
      grid.sortProperty().set(ImageSort.NEWEST);
      return null;
    });
    waitUntil(this::firstScreenReady);
    var big = FxCall.call(() -> model.sidebar().selectedProperty().get());
    FxCall.call(() -> {
      model.sidebar().selectedProperty().set(null);
      return null;
    });
    change("re-open the dataset (its index already in memory)", () -> model.sidebar().selectedProperty().set(big));
    System.gc();
    out.printf("heap used at the end: %d MB%n", Stopwatch.usedHeapMb());
    FxCall.call(() -> {
      stage.hide();
      return null;
    });
    tasks.close();
    thumbnails.close();
    fetcher.shutdown();
    fetcher.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** A fast, steady scroll: {@value #SCROLL_FRAMES} frames of {@value #SCROLL_PX_PER_FRAME} px each. */
  private void scroll() throws Exception {
    long fetchedBefore = FxCall.call(() -> grid.pages().fetchedRecords());
    List<Double> stepMs = new ArrayList<>();
    List<Double> frameMs = new ArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    FxCall.call(() -> {
      new AnimationTimer() {
        private long last;
        private int frames;

        @Override
        public void handle(long now) {
          if (last != 0) {
            frameMs.add((now - last) / 1e6);
          }
          last = now;
          long s = System.nanoTime();
          view.scrollPixels(SCROLL_PX_PER_FRAME);
          view.layout();
          stepMs.add((System.nanoTime() - s) / 1e6);
          if (++frames == SCROLL_FRAMES) {
            stop();
            done.countDown();
          }
        }
      }.start();
      return null;
    });
    done.await(5, TimeUnit.MINUTES);
    int rows = FxCall.call(() -> view.shownRange()[0] / view.columns());
    double[] steps = stepMs.stream().mapToDouble(Double::doubleValue).toArray();
    double[] frames = frameMs.stream().mapToDouble(Double::doubleValue).toArray();
    out.printf("smooth scroll, %d frames x %.0f px (to row %,d of %,d): FX time per frame median %s ms, p99 %s ms,"
            + " max %s ms; frame interval median %s ms, p99 %s ms%n",
        SCROLL_FRAMES, SCROLL_PX_PER_FRAME, rows, FxCall.call(() -> (grid.totalProperty().get() + view.columns() - 1) / view.columns()),
        Stopwatch.fmt(Stopwatch.median(steps)), Stopwatch.fmt(Stopwatch.percentile(steps, 99)), Stopwatch.fmt(Stopwatch.max(steps)),
        Stopwatch.fmt(Stopwatch.median(frames)), Stopwatch.fmt(Stopwatch.percentile(frames, 99)));
    out.printf("records fetched while scrolling: %,d (pages of %d); pages in memory after: %d (at most %d)%n",
        FxCall.call(() -> grid.pages().fetchedRecords()) - fetchedBefore, ImagePages.PAGE_SIZE,
        FxCall.call(() -> grid.pages().pagesInMemory()), 64);
  }

  /** Jumps to random rows (the scroll bar dragged) and waits until their records show. */
  private void jumps() throws Exception {
    Random random = new Random(3);
    int rows = FxCall.call(() -> (int) ((grid.totalProperty().get() + view.columns() - 1) / view.columns()));
    double[] ms = new double[JUMPS];
    for (int i = 0; i < JUMPS; i++) {
      int row = random.nextInt(rows);
      long s = System.nanoTime();
      FxCall.call(() -> {
        view.jumpToRow(row);
        view.layout(); // the rows of the new position are painted (and their pages asked for) now
        return null;
      });
      waitUntil(this::firstScreenReady);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    out.printf("jump to a random row until its tiles have records (%d jumps): median %s ms, max %s ms;"
            + " records fetched in all: %,d of %,d%n", JUMPS, Stopwatch.fmt(Stopwatch.median(ms)),
        Stopwatch.fmt(Stopwatch.max(ms)), FxCall.call(() -> grid.pages().fetchedRecords()),
        FxCall.call(() -> grid.totalProperty().get()));
  }

  private void change(String what, Runnable change) throws Exception {
    long s = System.nanoTime();
    FxCall.call(() -> {
      change.run();
      return null;
    });
    waitUntil(() -> grid.pages().cached(0) != null || grid.totalProperty().get() == 0);
    waitUntil(this::firstScreenReady);
    out.printf("%s until the first screen shows: %.0f ms (%,d images match)%n", what,
        (System.nanoTime() - s) / 1e6, FxCall.call(() -> grid.totalProperty().get()));
  }

  /** Every tile of the rows on screen has its record (read on the FX thread). */
  private boolean firstScreenReady() {
    if (grid.pages() == null || grid.pages().total() < 0) {
      return false;
    }
    int[] shown = view.shownRange();
    if (shown == null) {
      return grid.totalProperty().get() == 0;
    }
    for (int i = shown[0]; i < shown[1]; i++) {
      if (grid.pages().cached(i) == null) {
        return false;
      }
    }
    return true;
  }

  private String state() {
    return "total " + grid.totalProperty().get() + ", pages total " + (grid.pages() == null ? "none" : grid.pages().total())
        + ", shown " + java.util.Arrays.toString(view.shownRange()) + ", columns " + view.columns() + ", error " + grid.errorProperty().get() + ", grid " + view.getWidth() + "x"
        + view.getHeight() + " visible " + view.isVisible() + " scene " + (view.getScene() != null)
        + " showing " + (view.getScene() != null && view.getScene().getWindow().isShowing());
  }

  private void waitUntil(BooleanSupplier condition) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!FxCall.call(condition::getAsBoolean)) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the grid did not show its records within 60 s: " + FxCall.call(this::state));
      }
      Thread.sleep(1);
    }
  }


}
