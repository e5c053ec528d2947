package dev.loupe.app.gui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.AppSettings;
import dev.loupe.app.gui.FakeInsight;
import dev.loupe.app.gui.MainViewModel;
import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.WindowServices;
import dev.loupe.app.gui.gallery.GalleryImage;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.Split;
import dev.loupe.core.insight.MapPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer in the real window over a scripted map: image i of 30 sits at (i % 6, i / 6). A
 * Shift+drag of a rectangle over four points opens the gallery with exactly those images.
 */
@ExtendWith(ApplicationExtension.class)
class ExplorerFxTest {
  private static final int IMAGES = 30;

  @TempDir Path dir;
  private WindowServices services;
  private Dataset dataset;
  private MainViewModel model;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    services = new WindowServices(dir.resolve("ws"));
    dataset = TestWorkspaces.synthetic(services.ws, "mapped", IMAGES);
    List<MapPoint> points = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      points.add(new MapPoint(TestWorkspaces.hash(i), "img_" + i + ".jpg", i % 6, i / 6, i % 3, Split.TRAIN, 1));
    }
    FakeInsight insight = new FakeInsight();
    insight.stored.put(dataset.id(), FakeInsight.map(dataset.id(), points));
    model = new MainViewModel(services.ws, services.tasks, services.fetcher, Platform::runLater, ws -> insight);
    window = services.show(stage, model);
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Where map point (x, y) is on the screen now. */
  private Point2D onScreen(double x, double y) throws Exception {
    ScatterView scatter = window.explorerView().scatter();
    return WaitForAsyncUtils.asyncFx(() -> scatter.localToScreen(
        scatter.viewport().toScreenX(x), scatter.viewport().toScreenY(y))).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aShiftDragOverFourPointsOpensTheGalleryWithThoseImages(FxRobot robot) throws Exception {
    waitFor(() -> model.datasetView().totalProperty().get() == IMAGES);
    robot.clickOn("#view-map");
    waitFor(() -> model.explorer().pointsProperty().get() != null && window.explorerView().scatter().getWidth() > 0);
    assertThat(robot.lookup("#explorer").query().isVisible()).isTrue();
    assertThat(robot.lookup("#gallery").query().isVisible()).isFalse();
    // the legend names the classes, also after a collection (its listener must outlive any wrapper)
    System.gc();
    robot.clickOn("#view-grid");
    robot.clickOn("#view-map");
    waitFor(() -> robot.lookup("#map-legend").queryAs(javafx.scene.layout.VBox.class).getChildren().size() > 1);

    // the rectangle from map (0.5, 0.5) to (2.5, 2.5) holds (1, 1), (2, 1), (1, 2), (2, 2): images 7, 8, 13, 14
    Point2D from = onScreen(0.5, 0.5);
    Point2D to = onScreen(2.5, 2.5);
    robot.moveTo(from);
    robot.press(KeyCode.SHIFT);
    robot.press(MouseButton.PRIMARY);
    robot.moveTo(onScreen(1.5, 1.5));
    robot.moveTo(to);
    robot.release(MouseButton.PRIMARY);
    robot.release(KeyCode.SHIFT);
    waitFor(() -> robot.lookup("#gallery").query().isVisible());

    @SuppressWarnings("unchecked")
    ListView<GalleryImage> list = robot.lookup("#gallery-list").queryAs(ListView.class);
    assertThat(list.getItems()).extracting(GalleryImage::hash).containsExactlyInAnyOrder(
        TestWorkspaces.hash(7), TestWorkspaces.hash(8), TestWorkspaces.hash(13), TestWorkspaces.hash(14));
    assertThat(robot.lookup("#gallery-title").queryLabeled().getText()).isEqualTo("4 images selected");

    robot.clickOn("#gallery-open");
    waitFor(() -> robot.lookup("#labeling-area").query().isVisible());
    assertThat(model.labelingProperty().get().hashes()).hasSize(4);
    robot.type(KeyCode.ESCAPE);
    waitFor(() -> robot.lookup("#explorer").query().isVisible());
    assertThat(robot.lookup("#labeling-area").query().isVisible()).isFalse();
  }

  @Test
  void ctrl3ShowsTheMapAndCtrl1TheGridWhereverTheFocusIs(FxRobot robot) throws Exception {
    waitFor(() -> model.datasetView().totalProperty().get() == IMAGES);
    robot.clickOn("#view-map"); // focus on a toolbar button, the map shows
    waitFor(() -> robot.lookup("#explorer").query().isVisible());
    robot.clickOn("#view-grid");
    waitFor(() -> window.datasetView().isVisible());
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitFor(() -> robot.lookup("#explorer").query().isVisible());
    assertThat(model.explorerShown()).isTrue();
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
    waitFor(() -> !robot.lookup("#explorer").query().isVisible());
    assertThat(model.explorerShown()).isFalse();
    assertThat(window.datasetView().isVisible()).isTrue();
  }

  @Test
  void switchingTheThemeInTheSettingsRedrawsTheOpenMap(FxRobot robot) throws Exception {
    waitFor(() -> model.datasetView().totalProperty().get() == IMAGES);
    robot.clickOn("#view-map");
    ScatterView scatter = window.explorerView().scatter();
    waitFor(() -> model.explorer().pointsProperty().get() != null && scatter.getWidth() > 0);
    int dark = PointColors.argb(ScatterView.BACKGROUND);
    waitFor(() -> scatter.pixel(1, 1) == dark);
    robot.interact(() -> model.settings().update(s -> s.withTheme(AppSettings.Theme.LIGHT)));
    int light = PointColors.argb(javafx.scene.paint.Color.web("#f7f8fa"));
    waitFor(() -> scatter.pixel(1, 1) == light);
    robot.interact(() -> model.settings().update(s -> s.withTheme(AppSettings.Theme.DARK)));
    waitFor(() -> scatter.pixel(1, 1) == dark);
  }
}
