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
 * the labeling area) and closes the window. The README's screenshots are made this way, under Xvfb.
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
      stage.hide();
    });
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
