package dev.loupe.app.bench;

import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.classes.ClassColorStore;
import dev.loupe.app.gui.explorer.ExplorerView;
import dev.loupe.app.gui.explorer.ExplorerViewModel;
import dev.loupe.app.gui.explorer.ImageFacts;
import dev.loupe.app.gui.explorer.MapPoints;
import dev.loupe.app.gui.explorer.ScatterView;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.domain.Task;
import dev.loupe.core.insight.DatasetMap;
import dev.loupe.core.insight.MapPoint;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * {@code loupe bench explorer}: the explorer's map of 100,000 points (default) in a real window
 * (1440x900), frame by frame while it pans and while it zooms around a point. Each frame moves the
 * view and redraws the scatter (every point into the pixel buffer); JavaFX pulses run at full speed
 * ({@code javafx.animation.fullspeed}), so the time between frames is the whole cost of a frame,
 * rendering included, not the 60 Hz pulse. Needs a display (run it under {@code xvfb-run}). The map is
 * generated (20 Gaussian clusters, 10 classes), not laid out from images: this measures the view.
 */
public final class ExplorerBenchmark {
  private static final int FRAMES = 400;
  private static final int CLUSTERS = 20;

  private final PrintStream out;

  public ExplorerBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dir, int points) throws Exception {
    Files.createDirectories(dir);
    System.setProperty("javafx.animation.fullspeed", "true");
    out.printf("## explorer benchmark: %,d points, %d frames each of pan and zoom, full-speed pulses%n", points,
        FRAMES);
    Path wsDir = dir.resolve("ws");
    try (Workspace ws = Workspace.open(wsDir)) {
      Dataset d = ws.datasets().find("explorer-bench").orElseGet(() -> ws.datasets().create(NewDataset.of(
          "explorer-bench", Task.DETECT, List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9"))));
      MapPoints map = generate(d.id(), points);
      CountDownLatch started = new CountDownLatch(1);
      Platform.startup(started::countDown);
      started.await();
      Platform.setImplicitExit(false);
      try {
        measure(ws, d, map);
      } finally {
        Platform.exit();
      }
    }
  }

  /** Points in Gaussian clusters; classes, splits and label counts drawn at random (seed 1). */
  static MapPoints generate(String datasetId, int n) {
    Random random = new Random(1);
    double[][] centres = new double[CLUSTERS][2];
    for (double[] c : centres) {
      c[0] = random.nextDouble() * 40;
      c[1] = random.nextDouble() * 30;
    }
    List<MapPoint> list = new ArrayList<>(n);
    Map<String, ImageFacts.Fact> facts = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(CLUSTERS);
      String hash = String.format("%064x", i);
      float x = (float) (centres[c][0] + random.nextGaussian() * 1.5);
      float y = (float) (centres[c][1] + random.nextGaussian() * 1.5);
      list.add(new MapPoint(hash, "img_" + i + ".jpg", x, y, c, Split.TRAIN, 0));
      Split split = i % 10 == 8 ? Split.VAL : i % 10 == 9 ? Split.TEST : Split.TRAIN;
      facts.put(hash, new ImageFacts.Fact("img_" + i + ".jpg", split, random.nextInt(12),
          i % 7 == 0 ? -1 : (c + random.nextInt(2)) % 10));
    }
    return MapPoints.of(new DatasetMap(datasetId, "builtin", 0, CLUSTERS, Instant.EPOCH, list), facts);
  }

  private void measure(Workspace ws, Dataset d, MapPoints map) throws Exception {
    BackgroundTasks tasks = BackgroundTasks.create();
    ThumbnailCache thumbnails = ThumbnailCache.forWorkspace(ws, Platform::runLater);
    ExplorerViewModel model = FxCall.call(() -> new ExplorerViewModel(ws, () -> {
      throw new IllegalStateException("the benchmark shows generated points");
    }, tasks, new ClassColorStore(ws.root())));
    ExplorerView[] view = new ExplorerView[1];
    Stage stage = FxCall.call(() -> {
      view[0] = new ExplorerView(model, thumbnails);
      Scene scene = new Scene(view[0], 1440, 900);
      scene.getStylesheets().add(MainWindow.STYLESHEET);
      Stage s = new Stage();
      s.setScene(scene);
      s.show();
      return s;
    });
    double showMs = FxCall.call(() -> Stopwatch.once(() -> model.show(d, map)));
    Thread.sleep(1000);
    ScatterView scatter = view[0].scatter();
    out.printf("scatter %.0f x %.0f px; show the points (index, colours, legend): %s ms%n",
        FxCall.call(scatter::getWidth), FxCall.call(scatter::getHeight), Stopwatch.fmt(showMs));
    double w = FxCall.call(scatter::getWidth);
    double h = FxCall.call(scatter::getHeight);
    frames("pan (a circle of 6 px steps)", scatter, k -> {
      double a = k * 2 * Math.PI / 120;
      scatter.pan(6 * Math.cos(a), 6 * Math.sin(a));
    });
    frames("zoom around a point (x1.02 a frame, in then out)", scatter, k ->
        scatter.zoomAt(w * 0.4, h * 0.45, k < FRAMES / 2 ? 1.02 : 1 / 1.02));
    FxCall.call(() -> {
      model.selectRectangle(-1e9, -1e9, 1e9, 1e9, false);
      return null;
    });
    frames("pan with every point selected (gallery open)", scatter, k -> scatter.pan(k % 60 < 30 ? 5 : -5, 0));
    double[] hits = new double[5];
    for (int r = 0; r < hits.length; r++) {
      Random random = new Random(r);
      hits[r] = FxCall.call(() -> Stopwatch.once(() -> {
        for (int q = 0; q < 10_000; q++) {
          scatter.pointAt(random.nextDouble() * w, random.nextDouble() * h);
        }
      }));
    }
    double rect = FxCall.call(() -> Stopwatch.once(() -> model.selectRectangle(5, 5, 25, 20, false)));
    out.printf("hit test under the pointer: %s us per query (10,000 queries, median of %d runs)%n",
        Stopwatch.fmt(Stopwatch.median(hits) * 1000 / 10_000), hits.length);
    out.printf("rectangle selection of %,d points (gallery filled): %s ms%n",
        FxCall.call(() -> model.selectedCountProperty().get()), Stopwatch.fmt(rect));
    FxCall.call(() -> {
      stage.hide();
      return null;
    });
    tasks.close();
    thumbnails.close();
  }

  private interface Step {
    void frame(int k);
  }

  /** {@value #FRAMES} frames of {@code step}; prints the FX time per frame and the time between frames. */
  private void frames(String what, ScatterView scatter, Step step) throws Exception {
    double[] work = new double[FRAMES];
    double[] interval = new double[FRAMES - 1];
    CountDownLatch done = new CountDownLatch(1);
    FxCall.call(() -> {
      new AnimationTimer() {
        private long last;
        private int k;

        @Override
        public void handle(long now) {
          if (last != 0) {
            interval[k - 1] = (now - last) / 1e6;
          }
          last = now;
          long s = System.nanoTime();
          step.frame(k);
          scatter.layout(); // the redraw the step asked for happens now
          work[k] = (System.nanoTime() - s) / 1e6;
          if (++k == FRAMES) {
            stop();
            done.countDown();
          }
        }
      }.start();
      return null;
    });
    if (!done.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("the frames did not finish within 5 minutes");
    }
    out.printf("%s: FX time per frame (move + draw the points) median %s ms, p95 %s ms, max %s ms;"
            + " time between frames (rendering included) median %s ms, p95 %s ms%n", what,
        Stopwatch.fmt(Stopwatch.median(work)), Stopwatch.fmt(Stopwatch.percentile(work, 95)), Stopwatch.fmt(Stopwatch.max(work)),
        Stopwatch.fmt(Stopwatch.median(interval)), Stopwatch.fmt(Stopwatch.percentile(interval, 95)));
  }


}
