package dev.loupe.app.gui.grid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.MainWindow;
import dev.loupe.app.gui.WindowServices;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The grid on 100,000 image records: far jumps, keyboard, and pages fetched only for what is shown. */
@ExtendWith(ApplicationExtension.class)
class ThumbnailGridFxTest {
  private static final int N = 100_000;

  @TempDir Path dir;
  private WindowServices services;
  private Workspace ws;
  private Dataset big;
  private DatasetViewModel model;
  private DatasetView view;

  @Start
  void start(Stage stage) {
    services = new WindowServices(dir.resolve("ws"));
    ws = services.ws;
    big = TestWorkspaces.synthetic(ws, "big", N);
    model = new DatasetViewModel(ws, services.tasks, services.fetcher, Platform::runLater);
    view = new DatasetView(model, services.thumbnails);
    Scene scene = new Scene(view, 1000, 700);
    scene.getStylesheets().add(MainWindow.STYLESHEET);
    stage.setScene(scene);
    stage.show();
    model.open(big);
  }

  @AfterEach
  void close() throws Exception {
    services.close();
  }

  private boolean shownHaveRecords() {
    int[] shown = view.grid().shownRange();
    if (shown == null) {
      return false;
    }
    for (int i = shown[0]; i < shown[1]; i++) {
      if (model.pages().cached(i) == null) {
        return false;
      }
    }
    return true;
  }

  private void waitUntilShown() throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(this::shownHaveRecords).get());
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aFarJumpShowsThatRowsImagesAndFetchesOnlyTheirPages(FxRobot robot) throws Exception {
    waitUntilShown();
    int columns = view.grid().columns();
    long row = 12_345;
    robot.interact(() -> view.grid().jumpToRow(row));
    waitUntilShown();

    int[] shown = WaitForAsyncUtils.asyncFx(() -> view.grid().shownRange()).get();
    assertThat(shown[0]).isEqualTo((int) (row * columns));
    int first = shown[0];
    // newest first: position p is image N - 1 - p, and its tile is on screen with that name
    String name = "img_" + (N - 1 - first) + ".jpg";
    Label tileName = robot.lookup("#tile-" + first + " .tile-name").queryAs(Label.class);
    assertThat(tileName.getText()).isEqualTo(name);
    assertThat(model.pages().fetchedRecords()).isLessThanOrEqualTo(4L * ImagePages.PAGE_SIZE);
  }

  @Test
  void endAndHomeMoveTheFocusAndKeepItOnScreen(FxRobot robot) throws Exception {
    waitUntilShown();
    robot.clickOn("#tile-0");
    robot.type(KeyCode.END);
    waitUntilShown();
    assertThat(model.selection().focusProperty().get()).isEqualTo(N - 1);
    assertThat(view.grid().shownRange()[1]).isEqualTo(N);
    assertThat(robot.lookup("#tile-" + (N - 1) + " .tile-name").queryAs(Label.class).getText()).isEqualTo("img_0.jpg");

    robot.type(KeyCode.HOME);
    waitUntilShown();
    assertThat(view.grid().shownRange()[0]).isZero();
    robot.type(KeyCode.RIGHT).type(KeyCode.DOWN);
    assertThat(model.selection().focusProperty().get()).isEqualTo(1 + view.grid().columns());
    assertThat(model.selection().count()).isEqualTo(1);
    robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 2).release(KeyCode.SHIFT);
    assertThat(model.selection().count()).isEqualTo(3);
  }

  @Test
  void aWheelNotchScrollsHalfARow(FxRobot robot) throws Exception {
    // Monocle's robot sends wheel deltas of +-1 px whatever the direction: fire what a real wheel sends
    waitUntilShown();
    robot.interact(() -> javafx.event.Event.fireEvent(view.grid(), new javafx.scene.input.ScrollEvent(
        javafx.scene.input.ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false, false,
        0, -6 * ThumbnailGrid.WHEEL_NOTCH, 0, 0, javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
        javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
    waitUntilShown();
    assertThat(view.grid().shownRange()[0]).isEqualTo(3 * view.grid().columns());
  }
}
