package dev.loupe.app.gui;

import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.app.gui.grid.ThumbnailCache;
import dev.loupe.app.gui.labeling.CanvasLabelingHost;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts JavaFX and shows the workbench window on an open workspace, returning when the window is
 * closed. Not an {@code Application} subclass: the shaded jar runs JavaFX from the class path, where
 * a main class extending Application is refused ("JavaFX runtime components are missing").
 */
public final class Workbench {
  private final Workspace workspace;
  private final BackgroundTasks tasks = BackgroundTasks.create();
  private final ExecutorService fetcher =
      Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loupe-pages");
        t.setDaemon(true);
        return t;
      });
  private ThumbnailCache thumbnails;
  private CanvasLabelingHost labeling;
  private final ModelRuntime engines;
  private final SettingsStore settings;

  private Workbench(Workspace workspace, ModelRuntime engines, SettingsStore settings) {
    this.workspace = workspace;
    this.engines = engines;
    this.settings = settings;
  }

  /**
   * Shows the window and waits until it is closed. With {@code screenshots} set, it takes the
   * screenshots of {@link ScreenshotTour} into that folder, prints each it could not take with the
   * reason (stderr) and how many it wrote, and closes itself; with {@code closeWhenShown} it prints
   * {@code window shown after N ms} (N from the process's start) on standard output once the window's
   * first frame is drawn, and closes: the cold-start benchmark's probe.
   *
   * @throws IllegalStateException when JavaFX cannot open a display
   */
  public static void run(
      Workspace workspace, ModelRuntime engines, SettingsStore settings, Path screenshots, boolean closeWhenShown)
      throws InterruptedException {
    FxStartup.await();
    Platform.setImplicitExit(false);
    Workbench workbench = new Workbench(workspace, engines, settings);
    CountDownLatch closed = new CountDownLatch(1);
    Platform.runLater(() -> {
      try {
        workbench.show(closed, screenshots, closeWhenShown);
      } catch (RuntimeException e) {
        e.printStackTrace();
        closed.countDown();
      }
    });
    closed.await();
    workbench.stop();
    Platform.exit();
  }

  private void show(CountDownLatch closed, Path screenshots, boolean closeWhenShown) {
    thumbnails = ThumbnailCache.forWorkspace(workspace, Platform::runLater);
    MainViewModel model = new MainViewModel(workspace, tasks, fetcher, Platform::runLater, Workspace::insight, settings);
    labeling = new CanvasLabelingHost(workspace, model.colors(), engines);
    labeling.followSettings(settings);
    MainWindow window = new MainWindow(model, thumbnails, labeling, engines);
    Stage stage = new Stage();
    stage.setTitle(Messages.text("window.title", workspace.root().toString()));
    stage.setScene(window.scene(1440, 900));
    stage.setOnHidden(e -> closed.countDown());
    stage.show();
    model.start();
    if (screenshots != null) {
      new ScreenshotTour(stage, window, model, screenshots, report -> {
        report.skipped().forEach((name, why) -> System.err.println("skipped " + name + ".png: " + why));
        System.out.println("screenshots: " + report.written().size() + " of " + ScreenshotTour.PICTURES.size()
            + " written to " + screenshots);
        stage.hide();
      }).start();
    }
    if (closeWhenShown) {
      FirstFrame.after(() -> {
        long ms = sinceProcessStart();
        System.out.println("window shown after " + ms + " ms");
        System.out.flush();
        stage.hide();
      });
    }
    // set after the first frame (the probe above, registered first, runs first): 0.1 s of reading PNGs
    FirstFrame.after(() -> stage.getIcons().setAll(AppIcon.images()));
  }

  /** Milliseconds since this process started (not the JVM's uptime: its management beans take 0.1 s to load). */
  private static long sinceProcessStart() {
    return ProcessHandle.current().info().startInstant()
        .map(start -> System.currentTimeMillis() - start.toEpochMilli())
        .orElse(-1L);
  }

  private void stop() {
    if (labeling != null) {
      // the session's properties belong to the FX thread: close it there, and wait for its last writes
      CountDownLatch flushed = new CountDownLatch(1);
      Platform.runLater(() -> {
        try {
          labeling.close();
        } finally {
          flushed.countDown();
        }
      });
      try {
        flushed.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    tasks.close();
    if (thumbnails != null) {
      thumbnails.close();
    }
    fetcher.shutdown(); // never interrupt: an interrupt closes H2's file channels
    try {
      fetcher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
