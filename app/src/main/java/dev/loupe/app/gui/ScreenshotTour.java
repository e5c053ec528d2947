package dev.loupe.app.gui;

import dev.loupe.app.gui.start.StartPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
 * and its thumbnails are on screen, then writes a PNG of each of {@link #PICTURES} (the dataset grid
 * with a selection, the import dialog, the class manager, the auto-annotation dialog, the statistics
 * view, the labeling area, the explorer with a selection and its gallery, the training view, the
 * sync panel, the first model's window, the start page, the settings) and closes the window. A picture that cannot be taken (no dataset, no images, a dialog
 * that did not open, a file that could not be written) is reported with the reason; none is left
 * out silently. The README's screenshots are made this way, under Xvfb.
 */
final class ScreenshotTour {
  /** Every picture the tour promises, in the order it takes them (file names without .png). */
  static final List<String> PICTURES = List.of("01-dataset-grid", "02-import-dialog", "03-class-manager",
      "05-auto-annotate", "statistics", "04-labeling-area", "explorer", "training", "sync", "model-window",
      "start-page", "settings");

  private static final int MAX_WAIT_STEPS = 300;

  /** What a tour did: the files written, and the pictures it could not take with the reason of each. */
  record Report(List<Path> written, Map<String, String> skipped) {}

  /** One picture: why it cannot be taken now (null: it can), and how to take it, then go on. */
  private record Shot(String name, Supplier<String> whyNot, Consumer<Runnable> take) {}

  private final Stage stage;
  private final MainWindow window;
  private final MainViewModel model;
  private final Path dir;
  private final Consumer<Report> finished;
  private final List<Path> written = new ArrayList<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();
  private final List<Shot> shots;

  ScreenshotTour(Stage stage, MainWindow window, MainViewModel model, Path dir, Consumer<Report> finished) {
    this.stage = stage;
    this.window = window;
    this.model = model;
    this.dir = dir;
    this.finished = finished;
    shots = List.of(
        new Shot("01-dataset-grid", this::noImages, this::grid),
        new Shot("02-import-dialog", () -> null, next -> dialog(window::openImport, "02-import-dialog", next)),
        new Shot("03-class-manager", this::noDataset, next -> dialog(window::openClasses, "03-class-manager", next)),
        new Shot("05-auto-annotate", this::noDataset,
            next -> dialog(window::openAutoAnnotate, "05-auto-annotate", next)),
        new Shot("statistics", this::noDataset, this::statistics),
        new Shot("04-labeling-area", this::noImages, this::labeling),
        new Shot("explorer", this::noDataset, this::explorer),
        new Shot("training", this::noDataset, this::training),
        new Shot("sync", this::noDataset, next -> dialog(window::openSync, "sync", next)),
        new Shot("model-window", this::noModel,
            next -> dialog(() -> window.openModel(model.sidebar().models().get(0)), "model-window", next)),
        new Shot("start-page", () -> null, this::startPage),
        new Shot("settings", () -> null, next -> dialog(window::openSettings, "settings", next)));
  }

  void start() {
    waitUntilReady(0);
  }

  /** Ready when no task runs and the shown dataset's first page arrived (or there is none to show). */
  private void waitUntilReady(int step) {
    boolean ready = model.tasks().running().isEmpty()
        && (model.sidebar().selectedProperty().get() == null || !model.datasetView().loadingProperty().get());
    if (ready || step > MAX_WAIT_STEPS) {
      after(1500, () -> take(0));
    } else {
      after(100, () -> waitUntilReady(step + 1));
    }
  }

  private void take(int i) {
    if (i == shots.size()) {
      finished.accept(new Report(List.copyOf(written), Map.copyOf(skipped)));
      return;
    }
    Shot shot = shots.get(i);
    String why = shot.whyNot().get();
    if (why != null) {
      skipped.put(shot.name(), why);
      take(i + 1);
    } else {
      shot.take().accept(() -> take(i + 1));
    }
  }

  private String noDataset() {
    return model.sidebar().selectedProperty().get() == null
        ? "the workspace has no datasets (import one, or run 'loupe demo')" : null;
  }

  private String noImages() {
    String why = noDataset();
    if (why == null && model.datasetView().totalProperty().get() == 0) {
      why = "the dataset '" + model.sidebar().selectedProperty().get().name() + "' has no images";
    }
    return why;
  }

  private String noModel() {
    return model.sidebar().models().isEmpty() ? "the workspace has no models (loupe models import FILE.onnx)" : null;
  }

  private void training(Runnable next) {
    model.centerViewProperty().set(CenterView.TRAINING);
    after(1200, () -> {
      snap(stage.getScene(), "training");
      model.centerViewProperty().set(CenterView.GRID);
      next.run();
    });
  }

  private void grid(Runnable next) {
    var selection = model.datasetView().selection();
    int size = selection.size();
    selection.select(Math.min(1, size - 1));
    for (int i : new int[] {2, 4}) {
      if (i < size) {
        selection.toggle(i);
      }
    }
    after(400, () -> {
      snap(stage.getScene(), "01-dataset-grid");
      selection.clear();
      next.run();
    });
  }

  private void statistics(Runnable next) {
    model.centerViewProperty().set(CenterView.STATISTICS);
    waitForStatistics(0, next);
  }

  private void waitForStatistics(int step, Runnable next) {
    var stats = model.statistics();
    if ((stats.dataProperty().get() != null && !stats.loadingProperty().get()) || step > MAX_WAIT_STEPS) {
      after(800, () -> {
        snap(stage.getScene(), "statistics");
        model.centerViewProperty().set(CenterView.GRID);
        next.run();
      });
    } else {
      after(100, () -> waitForStatistics(step + 1, next));
    }
  }

  private void labeling(Runnable next) {
    model.datasetView().openAt((int) Math.min(2, model.datasetView().totalProperty().get() - 1));
    after(2000, () -> {
      snap(stage.getScene(), "04-labeling-area");
      model.closeLabeling();
      next.run();
    });
  }

  /**
   * Shows the explorer, waits for its map (or for the reason there is none), selects the points in
   * the middle of the map, points at one of them, and snaps {@code explorer.png}; then the grid again.
   */
  private void explorer(Runnable next) {
    model.closeLabeling();
    window.showExplorer(true);
    waitForMap(0, () -> {
      window.showExplorer(false);
      next.run();
    });
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

  /**
   * The start page: the window itself on an empty workspace, else the page alone in a scene of the
   * window's size and style (the window shows it only while there are no datasets).
   */
  private void startPage(Runnable next) {
    after(600, () -> {
      if (model.sidebar().datasets().isEmpty()) {
        snap(stage.getScene(), "start-page");
      } else {
        StartPage page = new StartPage(model.startPage(), new StartPage.Actions() {
          @Override
          public void openDemo() {}

          @Override
          public void importDataset() {}

          @Override
          public void connectPlatform() {}
        });
        Scene alone = new Scene(page, stage.getScene().getWidth(), stage.getScene().getHeight());
        alone.getStylesheets().setAll(stage.getScene().getStylesheets());
        snap(alone, "start-page");
      }
      next.run();
    });
  }

  /**
   * Opens a dialog (which blocks until closed), snaps the window it opened once it shows, closes
   * it, then goes on. A dialog that does not open is reported, not snapped as some other window.
   */
  private void dialog(Runnable open, String name, Runnable next) {
    Set<Window> before = new HashSet<>(Window.getWindows());
    boolean[] returned = {false};
    pollForDialog(before, returned, name, 0);
    Platform.runLater(() -> {
      open.run();
      returned[0] = true;
      Platform.runLater(next);
    });
  }

  private void pollForDialog(Set<Window> before, boolean[] returned, String name, int step) {
    after(100, () -> {
      Window opened = Window.getWindows().stream()
          .filter(w -> !before.contains(w) && w.isShowing() && w instanceof Stage).findFirst().orElse(null);
      if (opened != null) {
        after(800, () -> {
          snap(opened.getScene(), name);
          opened.hide();
        });
      } else if (returned[0] || step > MAX_WAIT_STEPS) {
        skipped.put(name, "its dialog did not open");
      } else {
        pollForDialog(before, returned, name, step + 1);
      }
    });
  }

  private void snap(Scene scene, String name) {
    Path file = dir.resolve(name + ".png");
    try {
      Files.createDirectories(dir);
      if (!ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile())) {
        throw new IOException("no PNG writer");
      }
      written.add(file);
      System.out.println("wrote " + file);
    } catch (IOException | RuntimeException e) {
      skipped.put(name, "cannot write " + file + ": " + e.getMessage());
    }
  }

  private static void after(double millis, Runnable action) {
    PauseTransition pause = new PauseTransition(Duration.millis(millis));
    pause.setOnFinished(e -> Platform.runLater(action));
    pause.play();
  }
}
