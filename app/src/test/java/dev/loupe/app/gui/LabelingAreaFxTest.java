package dev.loupe.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.cli.ModelRuntime;
import dev.loupe.app.gui.labeling.CanvasLabelingHost;
import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ImageRecord;
import dev.loupe.core.domain.Label;
import dev.loupe.core.workspace.ImageQuery;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.LabelingView;
import dev.loupe.labeling.canvas.LabelCanvas;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
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

/** The workbench's labeling area is the labeling module's canvas: what is drawn there is saved. */
@ExtendWith(ApplicationExtension.class)
class LabelingAreaFxTest {
  private static final int IMAGES = 6;

  @TempDir Path dir;
  private WindowServices services;
  private Workspace ws;
  private Dataset demo;
  private CanvasLabelingHost host;

  @Start
  void start(Stage stage) throws Exception {
    services = new WindowServices(dir.resolve("ws"));
    ws = services.ws;
    demo = TestWorkspaces.demo(ws, dir, "demo", IMAGES);
    MainViewModel model = services.mainViewModel();
    host = new CanvasLabelingHost(ws, model.colors(), ModelRuntime.engines());
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

  private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void aBoxDrawnInTheLabelingAreaIsSavedToTheWorkspaceAndUndone(FxRobot robot) throws Exception {
    waitFor(() -> robot.lookup("#tile-1").tryQuery().isPresent());
    robot.doubleClickOn("#tile-1");
    waitFor(() -> robot.lookup(n -> n instanceof LabelingView).tryQuery().isPresent());
    LabelingView view = robot.lookup(n -> n instanceof LabelingView).query();
    waitFor(() -> view.session().current() != null);
    ImageRecord image = ws.images().list(demo.id(), ImageQuery.all().withPage(0, IMAGES)).images().get(1);
    assertThat(view.session().current().hash()).isEqualTo(image.hash());
    int before = ws.labels().get(demo.id(), image.hash()).size();

    LabelCanvas canvas = view.canvas();
    robot.clickOn(canvas, MouseButton.MIDDLE); // focus the canvas without selecting
    robot.type(KeyCode.R);
    Point2D from = canvas.localToScreen(canvas.getWidth() * 0.40, canvas.getHeight() * 0.40);
    Point2D to = canvas.localToScreen(canvas.getWidth() * 0.55, canvas.getHeight() * 0.60);
    robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(from.midpoint(to)).moveTo(to).release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();

    waitFor(() -> view.session().flush().isEmpty()
        && ws.labels().get(demo.id(), image.hash()).size() == before + 1);
    List<Label> stored = ws.labels().get(demo.id(), image.hash());
    assertThat(stored.get(stored.size() - 1)).isInstanceOf(BoxLabel.class);

    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    waitFor(() -> view.session().flush().isEmpty()
        && ws.labels().get(demo.id(), image.hash()).size() == before);
  }
}
