package dev.loupe.app.gui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.WindowServices;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The grid's column count follows its width and the thumbnail-size slider. */
@ExtendWith(ApplicationExtension.class)
class GridColumnsFxTest {
  @TempDir Path dir;
  private WindowServices services;
  private DatasetView view;

  @Start
  void start(Stage stage) {
    services = new WindowServices(dir.resolve("ws"));
    DatasetViewModel model = new DatasetViewModel(services.ws, services.tasks, services.fetcher, Platform::runLater);
    view = new DatasetView(model, services.thumbnails);
    Scene scene = new Scene(view, 1000, 700);
    scene.getStylesheets().add(MainWindow.STYLESHEET);
    stage.setScene(scene);
    stage.show();
    model.open(TestWorkspaces.synthetic(services.ws, "small", 500));
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private void waitUntilShown() throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
        () -> WaitForAsyncUtils.asyncFx(() -> view.grid().shownRange() != null).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void theColumnCountFollowsTheWidthAndTheThumbnailSize(FxRobot robot) throws Exception {
    waitUntilShown();
    ThumbnailGrid grid = view.grid();
    double tile = ThumbnailGrid.DEFAULT_IMAGE + ImageTile.EXTRA_WIDTH + ThumbnailGrid.GAP;
    int wide = grid.columns();
    // as many tiles as fit beside the scroll bar (at most 20 px wide)
    assertThat(wide * tile + ThumbnailGrid.GAP).isLessThanOrEqualTo(grid.getWidth());
    assertThat((wide + 1) * tile + ThumbnailGrid.GAP).isGreaterThan(grid.getWidth() - 20);

    // a narrower grid (as a narrower window makes it) holds fewer columns, and as many again when wide
    int[] narrow = new int[1];
    robot.interact(() -> {
      double width = grid.getWidth();
      grid.resize(width / 2, grid.getHeight());
      grid.layout();
      narrow[0] = grid.columns();
      grid.resize(width, grid.getHeight());
      grid.layout();
    });
    assertThat(narrow[0]).isLessThan(wide).isGreaterThanOrEqualTo(1);
    assertThat(grid.columns()).isEqualTo(wide);

    javafx.scene.control.Slider size = robot.lookup("#thumbnail-size").queryAs(javafx.scene.control.Slider.class);
    robot.interact(() -> size.setValue(96));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(grid.imageSizeProperty().get()).isEqualTo(96);
    assertThat(grid.columns()).isGreaterThan(wide);
    assertThat(robot.lookup("#tile-0").queryAs(javafx.scene.layout.Region.class).getWidth())
        .isEqualTo(96 + ImageTile.EXTRA_WIDTH);

    robot.interact(() -> size.setValue(256));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(grid.columns()).isLessThan(wide);
  }
}
