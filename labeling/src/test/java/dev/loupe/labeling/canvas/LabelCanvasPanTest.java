package dev.loupe.labeling.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.labeling.ClassPalette;
import dev.loupe.labeling.geom.Viewport;
import dev.loupe.labeling.model.LabelDocument;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Panning moves the layer of labels with the image instead of redrawing it, and redraws it once the
 * view rests; what is shown is the same either way, and nothing shows outside the canvas.
 */
class LabelCanvasPanTest {
  private static final int LEFT = 50;
  private static final int TOP = 40;
  private static final Color BOX = ClassPalette.defaultColor(0);

  private LabelCanvas canvas;
  private Pane root;
  private LabelDocument document;

  @BeforeEach
  void show() throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    WaitForAsyncUtils.asyncFx(() -> {
      canvas = new LabelCanvas(new ClassPalette());
      canvas.setPrefSize(400, 300);
      root = new Pane(canvas);
      canvas.relocate(LEFT, TOP);
      stage.setScene(new Scene(root, 520, 400, Color.WHITE));
      stage.show();
      WritableImage image = new WritableImage(400, 300);
      int[] grey = new int[400 * 300];
      java.util.Arrays.fill(grey, 0xff202020);
      image.getPixelWriter().setPixels(0, 0, 400, 300, PixelFormat.getIntArgbInstance(), grey, 0, 400);
      canvas.setImage(image, 400, 300, false);
      document = new LabelDocument(List.of(new BoxLabel(0, 0.5, 0.5, 0.2, 0.2)));
      canvas.setDocument(document);
      root.layout();
      canvas.fit();
      canvas.renderNow();
    }).get(10, TimeUnit.SECONDS);
  }

  /** The colour on screen at a point of the canvas (view pixels; outside the canvas too). */
  private Color at(double vx, double vy) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> {
      canvas.renderNow();
      WritableImage shot = root.snapshot(null, null);
      return shot.getPixelReader().getColor((int) Math.round(LEFT + vx), (int) Math.round(TOP + vy));
    }).get(10, TimeUnit.SECONDS);
  }

  private static boolean isBox(Color c) {
    return Math.abs(c.getRed() - BOX.getRed()) < 0.02 && Math.abs(c.getGreen() - BOX.getGreen()) < 0.02
        && Math.abs(c.getBlue() - BOX.getBlue()) < 0.02;
  }

  private double[] leftEdge() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> {
      Viewport vp = canvas.viewport();
      return new double[] {Math.round(vp.viewX(0.4)), vp.viewY(0.5)};
    }).get(10, TimeUnit.SECONDS);
  }

  private void panBy(double dx, double dy) throws Exception {
    WaitForAsyncUtils.asyncFx(() -> canvas.panBy(dx, dy)).get(10, TimeUnit.SECONDS);
  }

  private double[] shift() throws Exception {
    return WaitForAsyncUtils.asyncFx(canvas::labelLayerShift).get(10, TimeUnit.SECONDS);
  }

  private void rest(double millis) throws Exception {
    WaitForAsyncUtils.asyncFx(() -> canvas.setPanRest(javafx.util.Duration.millis(millis)))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void aPanMovesTheLabelsWithTheImageAndTheyAreRedrawnOnceTheViewRests() throws Exception {
    rest(60_000); // a slow machine must not redraw them between the steps checked here
    double[] edge = leftEdge();
    assertThat(isBox(at(edge[0], edge[1]))).as("box edge before").isTrue();

    panBy(30, 20);
    assertThat(shift()).containsExactly(30, 20);
    assertThat(isBox(at(edge[0] + 30, edge[1] + 20))).as("box edge moved along").isTrue();
    assertThat(isBox(at(edge[0], edge[1]))).as("nothing left behind").isFalse();

    // moved past the right side: the moved layer is clipped to the canvas
    panBy(250, 0);
    assertThat(edge[0] + 280).isGreaterThan(400);
    assertThat(isBox(at(edge[0] + 280, edge[1] + 20))).as("outside the canvas").isFalse();

    rest(50);
    panBy(-250, 0);
    WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shift()).as("redrawn at rest").containsExactly(0, 0);
    assertThat(isBox(at(edge[0] + 30, edge[1] + 20))).as("box edge after the redraw").isTrue();
  }

  @Test
  void aMiddleButtonDragMovesTheLabelsAndTheyAreRedrawnWhenItEnds() throws Exception {
    rest(60_000);
    double[] edge = leftEdge();
    javafx.geometry.Point2D start = WaitForAsyncUtils.asyncFx(() -> canvas.localToScreen(100, 100))
        .get(10, TimeUnit.SECONDS);
    org.testfx.api.FxRobot robot = new org.testfx.api.FxRobot();
    robot.moveTo(start).press(javafx.scene.input.MouseButton.MIDDLE)
        .moveTo(start.add(20, 10)).moveTo(start.add(30, 20));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shift()).as("moved, not redrawn, during the drag").containsExactly(30, 20);
    assertThat(isBox(at(edge[0] + 30, edge[1] + 20))).isTrue();

    rest(50);
    robot.moveTo(start.add(31, 20)).release(javafx.scene.input.MouseButton.MIDDLE);
    WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(shift()).as("redrawn at rest").containsExactly(0, 0);
    assertThat(isBox(at(edge[0] + 31, edge[1] + 20))).as("box edge where the drag took it").isTrue();
    assertThat(isBox(at(edge[0], edge[1]))).isFalse();
  }

  @Test
  void aLongDragRedrawsTheLabelsOnTheWaySoThoseComingIntoViewAreDrawn() throws Exception {
    rest(60_000);
    WaitForAsyncUtils.asyncFx(() -> canvas.zoomBy(4)).get(10, TimeUnit.SECONDS);
    double[] edge = leftEdge(); // the box's left edge, in view, near the left side
    panBy(640, 0); // the box out of view to the right
    for (int i = 0; i < 32; i++) {
      panBy(-20, 0); // back, 20 px a step: the box comes in from the right and crosses the view
      assertThat(Math.abs(shift()[0])).as("step %d", i).isLessThanOrEqualTo(300 / 8.0);
    }
    assertThat(isBox(at(edge[0], edge[1]))).as("a box that came into view while dragging").isTrue();
  }

  @Test
  void zoomingOrSelectingDuringAPanRedrawsTheLabels() throws Exception {
    rest(60_000);
    panBy(10, 0);
    WaitForAsyncUtils.asyncFx(() -> canvas.zoomBy(1.5)).get(10, TimeUnit.SECONDS);
    at(0, 0); // renders
    assertThat(shift()).as("after a zoom").containsExactly(0, 0);

    panBy(10, 0);
    WaitForAsyncUtils.asyncFx(() -> canvas.selection().add(document.shapes().get(0).id())).get(10, TimeUnit.SECONDS);
    double[] edge = leftEdge();
    double y = WaitForAsyncUtils.asyncFx(() -> canvas.viewport().viewY(0.44)).get(10, TimeUnit.SECONDS);
    assertThat(isBox(at(edge[0], y))).as("the selected box, on the overlay (off its handles)").isTrue();
    assertThat(shift()).as("after a selection").containsExactly(0, 0);
  }

  @Test
  void anEditDuringAPanRedrawsTheLabelsWhereTheViewIs() throws Exception {
    rest(60_000);
    double[] edge = leftEdge();
    panBy(12, 0);
    WaitForAsyncUtils.asyncFx(() -> document.setHidden(document.shapes().get(0).id(), true))
        .get(10, TimeUnit.SECONDS);
    assertThat(isBox(at(edge[0] + 12, edge[1]))).as("hidden").isFalse();
    assertThat(shift()).containsExactly(0, 0);

    WaitForAsyncUtils.asyncFx(() -> document.setHidden(document.shapes().get(0).id(), false))
        .get(10, TimeUnit.SECONDS);
    assertThat(isBox(at(edge[0] + 12, edge[1]))).as("shown again where the view is").isTrue();
  }
}
