package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.app.gui.labeling.CanvasLabelingHost;
import dev.loupe.core.domain.Dataset;
import dev.loupe.labeling.LabelingView;
import dev.loupe.labeling.canvas.LabelCanvas;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
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

/** The window's keys are handled at the scene: they work wherever the focus is. */
@ExtendWith(ApplicationExtension.class)
class WindowKeysFxTest {
  private static final int IMAGES = 6;

  @TempDir Path dir;
  private WindowServices services;
  private MainViewModel model;
  private Dataset demo;
  private CanvasLabelingHost host;

  @Start
  void start(Stage stage) throws Exception {
    services = new WindowServices(dir.resolve("ws"));
    demo = TestWorkspaces.demo(services.ws, dir, "demo", IMAGES);
    model = services.mainViewModel();
    host = new CanvasLabelingHost(services.ws, model.colors(), ModelRuntime.engines());
    MainWindow window = new MainWindow(model, services.thumbnails, host);
    stage.setScene(window.scene(1280, 800));
    stage.show();
    model.start();
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(host::close).get(10, TimeUnit.SECONDS);
    services.close();
  }

  private static void waitFor(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Presses a button and lets go outside it: the button takes the focus, as a click leaves it, but does nothing. */
  private static void focusByMouse(FxRobot robot, String query) {
    Node button = robot.lookup(query).query();
    robot.moveTo(button).press(MouseButton.PRIMARY);
    robot.moveBy(0, 200).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(button.isFocused()).isTrue();
  }

  @Test
  void ctrlEndAndCtrlHomeMoveInTheGridWhereverTheFocusIs(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-1").tryQuery().isPresent());
    robot.clickOn("#tile-1");
    focusByMouse(robot, "#import");

    robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.datasetView().selection().focusProperty().get()).isEqualTo(IMAGES - 1);
    robot.press(KeyCode.CONTROL).type(KeyCode.HOME).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(model.datasetView().selection().focusProperty().get()).isZero();
  }

  @Test
  void ctrlZUndoesAfterAButtonOutsideTheCanvasWasClicked(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-0").tryQuery().isPresent());
    robot.doubleClickOn("#tile-0");
    waitFor(() -> robot.lookup(n -> n instanceof LabelingView).tryQuery().isPresent());
    LabelingView view = robot.lookup(n -> n instanceof LabelingView).query();
    waitFor(() -> view.session().current() != null);
    String hash = view.session().current().hash();
    int before = services.ws.labels().get(demo.id(), hash).size();

    LabelCanvas canvas = view.canvas();
    robot.clickOn(canvas, MouseButton.MIDDLE);
    robot.type(KeyCode.R);
    Point2D from = canvas.localToScreen(canvas.getWidth() * 0.40, canvas.getHeight() * 0.40);
    Point2D to = canvas.localToScreen(canvas.getWidth() * 0.55, canvas.getHeight() * 0.60);
    robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
    waitFor(() -> view.session().flush().isEmpty()
        && services.ws.labels().get(demo.id(), hash).size() == before + 1);

    focusByMouse(robot, "#back-to-grid");
    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    waitFor(() -> view.session().flush().isEmpty()
        && services.ws.labels().get(demo.id(), hash).size() == before);
    assertThat(robot.lookup("#labeling-area").query().isVisible()).isTrue();
  }
}
