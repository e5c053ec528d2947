package dev.loupe.app.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * {@code loupe gui --screenshot DIR}: shows the real window, waits until its background work is done
 * and its thumbnails are on screen, then writes PNGs of the main views (the dataset grid with a
 * selection, the import dialog, the class manager, the auto-annotation dialog, the statistics view,
 * the labeling area, the explorer with a selection and its gallery) and closes the window. The
 * README's screenshots are made this way, under Xvfb.
 */
final class ScreenshotTour {
  private static final int MAX_WAIT_STEPS = 300;

  private final Stage stage;
  private final MainWindow window;
  private final MainViewModel model;
  private final Path dir;

  ScreenshotTour(Stage stage, MainWindow window, MainViewModel model, Path dir) {
    this.stage = stage;
    this.window = window;
    this.model = model;
    this.dir = dir;
  }

  void start() {
    waitUntilReady(0);
  }

  private void waitUntilReady(int step) {
    boolean ready = model.tasks().running().isEmpty() && model.datasetView().totalProperty().get() > 0;
    if (ready || step > MAX_WAIT_STEPS) {
      after(1500, this::grid);
    } else {
      after(100, () -> waitUntilReady(step + 1));
    }
  }

  private void grid() {
    var selection = model.datasetView().selection();
    selection.select(1);
    selection.toggle(2);
    selection.toggle(4);
    after(400, () -> {
      snap(stage.getScene(), "01-dataset-grid");
      dialog(window::openImport, "02-import-dialog", () -> dialog(window::openClasses, "03-class-manager",
          () -> dialog(window::openAutoAnnotate, "05-auto-annotate", this::statistics)));
    });
  }

  private void statistics() {
    model.centerViewProperty().set(CenterView.STATISTICS);
    waitForStatistics(0);
  }

  private void waitForStatistics(int step) {
    var stats = model.statistics();
    if ((stats.dataProperty().get() != null && !stats.loadingProperty().get()) || step > MAX_WAIT_STEPS) {
      after(800, () -> {
        snap(stage.getScene(), "statistics");
        model.centerViewProperty().set(CenterView.GRID);
        labeling();
      });
    } else {
      after(100, () -> waitForStatistics(step + 1));
    }
  }

  private void labeling() {
    model.datasetView().openAt(2);
    after(2000, () -> {
      snap(stage.getScene(), "04-labeling-area");
      explorer(stage::hide);
    });
  }

  /**
   * Shows the explorer, waits for its map (or for the reason there is none), selects the points in
   * the middle of the map, points at one of them, and snaps {@code explorer.png}; then runs {@code then}.
   */
  void explorer(Runnable then) {
    model.closeLabeling();
    window.showExplorer(true);
    waitForMap(0, then);
  }

  private void waitForMap(int step, Runnable then) {
    var explorer = model.explorer();
    boolean settled = !explorer.loadingProperty().get()
        && (explorer.pointsProperty().get() != null || explorer.messageProperty().get() != null);
    if (!settled && step <= MAX_WAIT_STEPS) {
      after(100, () -> waitForMap(step + 1, then));
      return;
    }
    var points = explorer.pointsProperty().get();
    if (points != null && points.size() > 0) {
      float w = 0;
      float h = 0;
      for (int i = 1; i < points.size(); i++) {
        w = Math.max(w, Math.abs(points.x(i) - points.x(0)));
        h = Math.max(h, Math.abs(points.y(i) - points.y(0)));
      }
      // a rectangle around one point's neighbourhood, and the pointer on another point
      float cx = points.x(points.size() / 2);
      float cy = points.y(points.size() / 2);
      float rw = w * 0.07f;
      float rh = h * 0.09f;
      explorer.selectRectangle(cx - rw, cy - rh, cx + rw, cy + rh, false);
      int hover = points.size() / 5;
      after(400, () -> window.explorerView().scatter().fit()); // the gallery took the right of the view
      after(900, () -> pointAt(points.x(hover), points.y(hover)));
    }
    after(2500, () -> {
      snap(stage.getScene(), "explorer");
      then.run();
    });
  }

  /** A pointer move over map point (x, y): the hover card shows. */
  private void pointAt(double x, double y) {
    var scatter = window.explorerView().scatter();
    double sx = scatter.viewport().toScreenX(x);
    double sy = scatter.viewport().toScreenY(y);
    javafx.geometry.Point2D scene = scatter.localToScene(sx, sy);
    javafx.geometry.Point2D screen = scatter.localToScreen(sx, sy);
    scatter.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_MOVED, scene.getX(),
        scene.getY(), screen.getX(), screen.getY(), javafx.scene.input.MouseButton.NONE, 0, false, false, false,
        false, false, false, false, false, false, false, null));
  }

  /** Opens a dialog (which blocks until closed), snaps it after a moment, closes it, then goes on. */
  private void dialog(Runnable open, String name, Runnable next) {
    after(900, () -> {
      Window top = null;
      for (Window w : Window.getWindows()) {
        if (w != stage && w.isShowing() && w instanceof Stage) {
          top = w;
        }
      }
      if (top != null) {
        snap(top.getScene(), name);
        top.hide();
      }
    });
    Platform.runLater(() -> {
      open.run();
      Platform.runLater(next);
    });
  }

  private void snap(Scene scene, String name) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
      System.out.println("wrote " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write screenshot " + name + ": " + e.getMessage(), e);
    }
  }

  private static void after(double millis, Runnable action) {
    PauseTransition pause = new PauseTransition(Duration.millis(millis));
    pause.setOnFinished(e -> Platform.runLater(action));
    pause.play();
  }
}
