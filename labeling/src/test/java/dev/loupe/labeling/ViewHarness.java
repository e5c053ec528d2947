package dev.loupe.labeling;

import dev.loupe.core.domain.Label;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.session.LabelingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A labeling view over a real temporary workspace, for the TestFX tests of each task. */
final class ViewHarness {
  final Workspace ws;
  final LabelingSession session;
  final LabelingView view;
  final List<String> hashes;

  ViewHarness(Path dir, NewDataset dataset, List<List<Label>> labels, Stage stage) {
    ws = Workspace.open(dir.resolve("ws"));
    ws.datasets().create(dataset);
    hashes = TestImages.add(ws, dataset.name(), 640, 480, labels);
    session = new LabelingSession(ws, dataset.name(), hashes);
    view = new LabelingView(session);
    stage.setScene(new Scene(view, 1100, 720));
    stage.show();
  }

  void awaitImage() throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.current() != null);
    WaitForAsyncUtils.waitForFxEvents();
  }

  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(session::close).get(10, TimeUnit.SECONDS);
    ws.close();
  }

  Point2D at(double nx, double ny) {
    Viewport vp = view.canvas().viewport();
    return view.canvas().localToScreen(vp.viewX(nx), vp.viewY(ny));
  }

  Point2D atView(double vx, double vy) {
    return view.canvas().localToScreen(vx, vy);
  }

  void drag(FxRobot robot, Point2D from, Point2D to) {
    robot.moveTo(from).press(MouseButton.PRIMARY)
        .moveTo(new Point2D((from.getX() + to.getX()) / 2, (from.getY() + to.getY()) / 2)).moveTo(to)
        .release(MouseButton.PRIMARY);
    WaitForAsyncUtils.waitForFxEvents();
  }

  void drag(FxRobot robot, double x0, double y0, double x1, double y1) {
    drag(robot, at(x0, y0), at(x1, y1));
  }

  void ctrl(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL).type(key).release(KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
  }

  List<Label> shown() {
    return view.canvas().document().labels();
  }

  List<Label> stored(int image) {
    if (!session.flush().isEmpty()) {
      throw new AssertionError("not saved: " + session.flush());
    }
    return ws.labels().get(session.dataset().id(), hashes.get(image));
  }
}
