package dev.loupe.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loupe.core.domain.BoxLabel;
import dev.loupe.core.domain.ClassLabel;
import dev.loupe.core.domain.Coords;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Label;
import dev.loupe.core.domain.ObbLabel;
import dev.loupe.core.domain.PoseLabel;
import dev.loupe.core.domain.Task;
import dev.loupe.core.domain.Visibility;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.labeling.geom.Geometry;
import dev.loupe.labeling.geom.Keypoints;
import dev.loupe.labeling.geom.Viewport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The tools of the pose, obb, classify and detect tasks, with a real mouse and keyboard. */
class TaskToolsTest {
  private static final double PIXEL = 0.01;

  @Nested
  @ExtendWith(ApplicationExtension.class)
  class Pose {
    @TempDir Path tmp;
    ViewHarness h;

    @Start
    void start(Stage stage) {
      NewDataset pose = new NewDataset(null, "people", "", Task.POSE, List.of("person"), Visibility.PRIVATE,
          new KptShape(3, 3), List.of(0, 2, 1), Map.of());
      h = new ViewHarness(tmp, pose, List.of(List.of()), stage);
    }

    @AfterEach
    void close() throws Exception {
      h.close();
    }

    @Test
    void a_pose_is_drawn_box_first_then_point_by_point_and_mirrors_by_flip_idx(FxRobot robot) throws Exception {
      h.awaitImage();
      h.drag(robot, 0.3, 0.3, 0.7, 0.8); // keypoint tool is the pose default
      robot.clickOn(h.at(0.5, 0.4));
      robot.type(KeyCode.V); // the second point is not visible: not labeled
      robot.clickOn(h.at(0.6, 0.45));
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(h.shown()).hasSize(1);
      PoseLabel pose = (PoseLabel) h.shown().get(0);
      assertThat(new double[] {pose.cx(), pose.cy(), pose.w(), pose.h()})
          .containsExactly(new double[] {0.5, 0.55, 0.4, 0.5}, within(PIXEL));
      assertThat(pose.keypoints().toArray())
          .containsExactly(new double[] {0.5, 0.4, 2, 0, 0, 0, 0.6, 0.45, 2}, within(PIXEL));

      robot.type(KeyCode.S); // select tool; the new pose is selected
      robot.moveTo(h.at(0.5, 0.4));
      robot.type(KeyCode.V); // visibility of the point under the pointer: visible -> occluded
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(Keypoints.visibility((PoseLabel) h.shown().get(0), 0)).isEqualTo(1);

      robot.type(KeyCode.M); // mirror: points 1 and 2 swap sides
      WaitForAsyncUtils.waitForFxEvents();
      PoseLabel mirrored = (PoseLabel) h.stored(0).get(0);
      assertThat(mirrored.keypoints().toArray())
          .containsExactly(new double[] {0.5, 0.4, 1, 0.4, 0.45, 2, 0, 0, 0}, within(PIXEL));
    }
  }

  @Nested
  @ExtendWith(ApplicationExtension.class)
  class Obb {
    @TempDir Path tmp;
    ViewHarness h;

    @Start
    void start(Stage stage) {
      h = new ViewHarness(tmp, NewDataset.of("ships", Task.OBB, List.of("ship", "boat")), List.of(List.of()), stage);
    }

    @AfterEach
    void close() throws Exception {
      h.close();
    }

    @Test
    void a_rotated_box_is_drawn_then_turned_with_its_handle(FxRobot robot) throws Exception {
      h.awaitImage();
      h.drag(robot, 0.4, 0.4, 0.6, 0.6); // rotated-box tool is the obb default
      assertThat(h.shown()).hasSize(1).first().isInstanceOf(ObbLabel.class);
      robot.type(KeyCode.S);
      Viewport vp = h.view.canvas().viewport();
      double cx = vp.viewX(0.5), cy = vp.viewY(0.5), top = vp.viewY(0.4);
      // the round handle sits 24 px above the middle of the top edge; drag it to the right of the centre
      h.drag(robot, h.atView(cx, top - 24), h.atView(cx + 150, cy));
      ObbLabel turned = (ObbLabel) h.stored(0).get(0);
      assertThat(Geometry.angle(turned, 640, 480)).isCloseTo(Math.PI / 2, within(0.05));
      assertThat(Geometry.centre(turned)).containsExactly(new double[] {0.5, 0.5}, within(PIXEL));
      h.ctrl(robot, KeyCode.Z);
      assertThat(Geometry.angle((ObbLabel) h.shown().get(0), 640, 480)).isCloseTo(0, within(1e-9));
    }
  }

  @Nested
  @ExtendWith(ApplicationExtension.class)
  class Classify {
    @TempDir Path tmp;
    ViewHarness h;

    @Start
    void start(Stage stage) {
      h = new ViewHarness(tmp, NewDataset.of("pets", Task.CLASSIFY, List.of("cat", "dog", "bird")),
          List.of(List.of(), List.of()), stage);
    }

    @AfterEach
    void close() throws Exception {
      h.close();
    }

    @Test
    void number_keys_set_the_image_class_and_undo_brings_the_old_one_back(FxRobot robot) throws Exception {
      h.awaitImage();
      robot.type(KeyCode.DIGIT1);
      robot.type(KeyCode.DIGIT2);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(h.stored(0)).containsExactly(new ClassLabel(2));
      h.ctrl(robot, KeyCode.Z);
      assertThat(h.stored(0)).containsExactly(new ClassLabel(1));
      robot.type(KeyCode.D);
      WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> h.session.current().index() == 1);
      robot.type(KeyCode.DIGIT0);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(h.stored(1)).containsExactly(new ClassLabel(0));
    }
  }

  @Nested
  @ExtendWith(ApplicationExtension.class)
  class Detect {
    private final BoxLabel left = new BoxLabel(0, 0.2, 0.5, 0.1, 0.1);
    private final BoxLabel right = new BoxLabel(1, 0.8, 0.5, 0.1, 0.1);
    @TempDir Path tmp;
    ViewHarness h;

    @Start
    void start(Stage stage) {
      h = new ViewHarness(tmp, NewDataset.of("cars", Task.DETECT, List.of("car", "bus")),
          List.of(List.of(left, right)), stage);
    }

    @AfterEach
    void close() throws Exception {
      h.close();
    }

    @Test
    void tab_cycles_delete_removes_locked_labels_stay_and_duplicates_are_offset(FxRobot robot) throws Exception {
      h.awaitImage();
      robot.type(KeyCode.TAB);
      robot.type(KeyCode.TAB);
      WaitForAsyncUtils.waitForFxEvents();
      long second = h.view.canvas().document().shapes().get(1).id();
      assertThat(h.view.canvas().selection()).containsExactly(second);
      robot.type(KeyCode.DELETE);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(h.stored(0)).containsExactly(left);
      h.ctrl(robot, KeyCode.Z);
      assertThat(h.stored(0)).containsExactly(left, right);

      // lock the first label from the list: Delete leaves it alone
      robot.clickOn(robot.lookup(".lock-toggle").nth(0).queryAs(javafx.scene.Node.class));
      h.ctrl(robot, KeyCode.A); // select all: the locked one too
      assertThat(h.view.canvas().selection()).hasSize(2);
      robot.type(KeyCode.DELETE);
      WaitForAsyncUtils.waitForFxEvents();
      assertThat(h.stored(0)).containsExactly(left);

      robot.interact(() -> {
        h.view.canvas().selection().clear();
        h.view.canvas().selection().add(h.view.canvas().document().shapes().get(0).id());
      });
      h.ctrl(robot, KeyCode.D);
      List<Label> labels = h.stored(0);
      assertThat(labels).hasSize(2);
      assertThat(((BoxLabel) labels.get(1)).cx()).isCloseTo(left.cx() + 0.01, within(1e-9));
    }
  }
}
